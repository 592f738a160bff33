package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.bilan.proto.beneficiary.internal.v1.BilanStarted;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.v1.CpfDeadline;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;

/** The producers' stand-in for beneficiary-service's CPF tracking keeps the contract the real one keeps (beneficiary-service runs it too). */
class FakeCpfTrackingContractTest extends CpfTrackingContract {

    private static final FakeCpfTracking CPF = FakeCpfTracking.started();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", CPF.port)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @AfterEach
    void heal() {
        CPF.heal();
    }

    @Override
    protected Channel cpfTracking() {
        return CHANNEL;
    }

    /** The fake takes every funding for a CPF one but those it is told are not. */
    @Override
    protected String newCpfFunding() {
        return "funding-" + UUID.randomUUID();
    }

    @Override
    protected String newOtherFunding() {
        String funding = "funding-" + UUID.randomUUID();
        CPF.notCpf(funding);
        return funding;
    }

    /** The fake proposes nothing: it keeps what it took in, once per event, which is what the dossier proposes from. */
    @Override
    protected void assertEntryProposed(String fundingId, LocalDate entryDate) {
        assertThat(CPF.calls()).filteredOn(call -> call.request().getFundingId().equals(fundingId)
                && call.request().hasStarted() && call.firstDelivery()).singleElement()
                .satisfies(call -> assertThat(call.request().getStarted().getFirstSessionDate())
                        .isEqualTo(ProtoDates.of(entryDate)));
    }

    @Override
    protected void assertExitProposed(String fundingId, LocalDate exitDate, Duration delivered) {
        assertThat(CPF.calls()).filteredOn(call -> call.request().getFundingId().equals(fundingId)
                && call.request().hasEnded() && call.firstDelivery()).singleElement().satisfies(call -> {
                    assertThat(call.request().getEnded().getEndDate()).isEqualTo(ProtoDates.of(exitDate));
                    assertThat(call.request().getEnded().getDelivered().getSeconds()).isEqualTo(delivered.toSeconds());
                });
    }

    /** Three dossiers of a new centre due on different days, listed out of order, and one of another centre. */
    @Override
    protected String centreWithDueDeadlines() {
        String centre = "centre-" + UUID.randomUUID();
        LocalDate today = LocalDate.now();
        CPF.due(due(centre, today.plusDays(1)), due(centre, today.minusDays(3)), due(centre, today),
                due("centre-" + UUID.randomUUID(), today.minusDays(10)));
        return centre;
    }

    private static DueCpfDossier due(String centre, LocalDate day) {
        return DueCpfDossier.newBuilder().setDossierId("funding-" + UUID.randomUUID()).setCentreId(centre)
                .setDeadline(CpfDeadline.newBuilder().setOwner(CpfDeadlineOwner.CENTRE).setDueDate(ProtoDates.of(day)))
                .build();
    }

    private static RecordBilanProgressRequest start() {
        String assessment = UUID.randomUUID().toString();
        return RecordBilanProgressRequest.newBuilder().setEventId("cpf-progress/" + assessment + "/started")
                .setAssessmentId(assessment).setFundingId("funding-" + assessment)
                .setStarted(BilanStarted.newBuilder().setFirstSessionDate(ProtoDates.of(LocalDate.of(2026, 3, 2))))
                .build();
    }

    private static CpfTrackingServiceGrpc.CpfTrackingServiceBlockingStub platform() {
        return CpfTrackingServiceGrpc.newBlockingStub(CHANNEL).withCallCredentials(bearer(
                TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)));
    }

    /** Down on demand, then back: what a relay meets, and the progress is taken in once. */
    @Test
    void failsOnDemandAndTakesTheProgressInOnceBack() {
        RecordBilanProgressRequest start = start();
        CPF.failNext(1);
        assertThat(codeOf(() -> platform().recordBilanProgress(start))).isEqualTo(Status.Code.UNAVAILABLE);
        CPF.loseNextAcknowledgement();
        assertThat(codeOf(() -> platform().recordBilanProgress(start))).isEqualTo(Status.Code.UNAVAILABLE);

        assertThat(platform().recordBilanProgress(start).getRecorded()).isTrue();

        assertThat(CPF.callsAbout(start.getAssessmentId()))
                .extracting(FakeCpfTracking.Call::answer, FakeCpfTracking.Call::firstDelivery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.Code.UNAVAILABLE, false),
                        org.assertj.core.groups.Tuple.tuple(Status.Code.UNAVAILABLE, true),
                        org.assertj.core.groups.Tuple.tuple(Status.Code.OK, false));
        assertThat(CPF.takenInAbout(start.getAssessmentId())).containsExactly(start);
        assertThat(CPF.callers()).contains(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    /** A digest's reader meets small pages and a service down, each listing recorded. */
    @Test
    void listsInPagesAsSmallAsAskedAndFailsOnDemand() {
        // a fake of its own: the page size stays with it
        FakeCpfTracking small = FakeCpfTracking.started();
        small.pagesOfAtMost(2);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", small.port).usePlaintext().build();
        try {
            var platform = CpfTrackingServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer(
                    TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)));
            LocalDate today = LocalDate.of(2026, 3, 2);
            small.due(due("centre-a", today), due("centre-a", today.minusDays(1)), due("centre-a", today.plusDays(1)));
            var request = ListDueCpfDeadlinesRequest.newBuilder().setThroughDate(ProtoDates.of(today.plusDays(1)))
                    .setPageSize(2000).build();

            var first = platform.listDueCpfDeadlines(request);
            var second = platform.listDueCpfDeadlines(request.toBuilder().setPageToken(first.getNextPageToken()).build());
            small.failNext(1);

            assertThat(first.getDossiersCount()).isEqualTo(2);
            assertThat(second.getDossiersCount()).isEqualTo(1);
            assertThat(second.getNextPageToken()).isEmpty();
            assertThat(codeOf(() -> platform.listDueCpfDeadlines(request))).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(platform.listDueCpfDeadlines(request).getDossiersCount()).isEqualTo(2);
            assertThat(small.listCalls()).extracting(ListDueCpfDeadlinesRequest::getPageToken)
                    .containsExactly("", first.getNextPageToken(), "", "");
            assertThat(small.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
        } finally {
            channel.shutdownNow();
        }
    }

    /** What the real service would never take fails the producer's own tests, naming the field. */
    @Test
    void refusesProgressTheRealServiceCouldNotKeep() {
        RecordBilanProgressRequest start = start();

        assertThat(FieldErrors.fieldsOf(() -> platform().recordBilanProgress(start.toBuilder().clearProgress().build())))
                .containsExactly("progress");
        assertThat(FieldErrors.fieldsOf(() -> platform().recordBilanProgress(start.toBuilder()
                .setStarted(BilanStarted.getDefaultInstance()).build()))).containsExactly("started.first_session_date");
        assertThat(FieldErrors.fieldsOf(() -> platform().listDueCpfDeadlines(ListDueCpfDeadlinesRequest.newBuilder()
                .setThroughDate(ProtoDates.of(LocalDate.of(2026, 3, 2))).setPageToken("abc").build())))
                .containsExactly("page_token");
        assertThat(CPF.hasTakenIn(start.getEventId())).isFalse();
    }
}
