package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;

/** The producers' stand-in for quality-service's intake keeps the contract the real one keeps (quality-service runs it too). */
class FakeQualityIntakeContractTest extends QualityIntakeContract {

    private static final FakeQualityIntake QUALITY = FakeQualityIntake.started();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", QUALITY.port)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @AfterEach
    void heal() {
        QUALITY.heal();
    }

    @Override
    protected Channel qualityIntake() {
        return CHANNEL;
    }

    @Override
    protected OptionalLong keptRevision(String assessmentId) {
        return QUALITY.kept(assessmentId).map(kept -> OptionalLong.of(kept.getRevision())).orElse(OptionalLong.empty());
    }

    /** Down on demand, then back: what a relay meets, and the facts are applied once. */
    @Test
    void failsOnDemandAndKeepsTheFactsOnceBack() {
        RecordBilanFactsRequest facts = completed(2);
        var platform = QualityIntakeServiceGrpc.newBlockingStub(CHANNEL).withCallCredentials(bearer(
                TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)));
        QUALITY.failNext(1);
        assertThat(codeOf(() -> platform.recordBilanFacts(facts))).isEqualTo(Status.Code.UNAVAILABLE);
        QUALITY.loseNextAcknowledgement();
        assertThat(codeOf(() -> platform.recordBilanFacts(facts))).isEqualTo(Status.Code.UNAVAILABLE);

        assertThat(platform.recordBilanFacts(facts).getApplied()).isFalse();

        assertThat(QUALITY.callsAbout(facts.getFacts().getAssessmentId()))
                .extracting(FakeQualityIntake.Call::answer, FakeQualityIntake.Call::applied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.Code.UNAVAILABLE, false),
                        org.assertj.core.groups.Tuple.tuple(Status.Code.UNAVAILABLE, true),
                        org.assertj.core.groups.Tuple.tuple(Status.Code.OK, false));
        assertThat(QUALITY.kept(facts.getFacts().getAssessmentId())).contains(facts);
        assertThat(QUALITY.callers()).contains(TestIdentityProvider.SERVICE_ACCOUNT);
    }
}
