package fr.bilan.quality.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.quality.QualityServiceContext;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.followup.FollowUpState;
import fr.bilan.quality.followup.FollowUps;
import fr.bilan.support.testing.QualityIntakeContract;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Channel;

/**
 * The real intake keeps the contract session-service's outbox counts on (its stand-in keeps it too), and
 * beyond it: the facts are kept as sent and the listeners hear of them (the follow-up is scheduled).
 */
@QualityServiceContext
class QualityIntakeContractTest extends QualityIntakeContract {

    @Autowired
    private BilanRecords records;

    @Autowired
    private FollowUps followUps;

    @Override
    protected Channel qualityIntake() {
        return channel();
    }

    @Override
    protected OptionalLong keptRevision(String assessmentId) {
        return records.byId(assessmentId).map(kept -> OptionalLong.of(kept.revision())).orElse(OptionalLong.empty());
    }

    @Test
    void theFactsAreKeptAsSentAndTheFollowUpOfACompletedBilanIsScheduled() {
        RecordBilanFactsRequest request = completed(4);
        String id = request.getFacts().getAssessmentId();

        boolean applied = QualityIntakeServiceGrpc.newBlockingStub(qualityIntake())
                .withCallCredentials(bearer(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                        TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS).recordBilanFacts(request).getApplied();

        assertThat(applied).isTrue();
        BilanRecord kept = records.byId(id).orElseThrow();
        assertThat(kept.centreId()).isEqualTo("centre-contract");
        assertThat(kept.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(kept.endDate()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(kept.phases()).containsExactly(new PhaseHours(Phase.PRELIMINARY, 240, 240, 2, 2, 0),
                new PhaseHours(Phase.INVESTIGATION, 720, 600, 6, 5, 1));
        assertThat(kept.deliveredMinutesOfTheAction()).isEqualTo(840);
        assertThat(followUps.byId(id)).hasValueSatisfying(followUp -> {
            assertThat(followUp.dueDate()).isEqualTo(LocalDate.of(2026, 11, 4));
            assertThat(followUp.state()).isIn(FollowUpState.SCHEDULED, FollowUpState.OFFERED);
        });
    }
}
