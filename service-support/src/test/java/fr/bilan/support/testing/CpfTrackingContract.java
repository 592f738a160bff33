package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.beneficiary.internal.v1.BilanEnded;
import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.BilanStarted;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc.CpfTrackingServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesResponse;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * What session-service's CPF progress outbox and notification-service's digest count on from
 * beneficiary-service's {@code CpfTrackingService}, whoever answers: the real service, or
 * {@link FakeCpfTracking} in their tests. A fake passes the same tests: a bilan's start and end reach
 * its CPF dossier as proposals, once per event id (the same event again is acknowledged and changes
 * nothing); a funding that is not a CPF one is acknowledged with {@code recorded=false}; a request
 * without its event id, funding or through date is refused in French naming the field; the due
 * deadlines are listed earliest first; nobody but a platform service calls.
 */
public abstract class CpfTrackingContract extends GrpcServiceTestSupport {

    private static final LocalDate FIRST_SESSION = LocalDate.of(2026, 3, 2);
    private static final LocalDate END = LocalDate.of(2026, 5, 4);
    private static final Duration DELIVERED = Duration.ofHours(20);
    /** What a French description holds and an English one does not. */
    private static final Pattern FRENCH = Pattern.compile("(?iu).*\\b(ce|cette|le|la|les|une?|du|des|est|indiquez)\\b.*");

    /** The channel to the CPF tracking service under test. */
    protected abstract Channel cpfTracking();

    /** A new funding whose CPF dossier takes a bilan's progress ({@code recorded=true}); its id. */
    protected abstract String newCpfFunding() throws Exception;

    /** A new funding that is not a CPF one (an employer's, self-funded…); its id. */
    protected abstract String newOtherFunding() throws Exception;

    /** Checks that the dossier of {@code fundingId} proposes its entry on {@code entryDate}. */
    protected abstract void assertEntryProposed(String fundingId, LocalDate entryDate) throws Exception;

    /** Checks that the dossier of {@code fundingId} proposes its exit on {@code exitDate}, {@code delivered} hours done. */
    protected abstract void assertExitProposed(String fundingId, LocalDate exitDate, Duration delivered) throws Exception;

    /** A centre with at least two open dossiers whose centre's deadlines are due now (overdue ones included). */
    protected abstract String centreWithDueDeadlines() throws Exception;

    private CpfTrackingServiceBlockingStub as(String token) {
        return CpfTrackingServiceGrpc.newBlockingStub(cpfTracking()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private CpfTrackingServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static RecordBilanProgressRequest started(String fundingId, LocalDate day) {
        String assessmentId = UUID.randomUUID().toString();
        return RecordBilanProgressRequest.newBuilder().setEventId("cpf-progress/" + assessmentId + "/started")
                .setAssessmentId(assessmentId).setFundingId(fundingId)
                .setStarted(BilanStarted.newBuilder().setFirstSessionDate(ProtoDates.of(day))).build();
    }

    private static RecordBilanProgressRequest ended(String fundingId, String assessmentId) {
        return RecordBilanProgressRequest.newBuilder().setEventId("cpf-progress/" + assessmentId + "/ended")
                .setAssessmentId(assessmentId).setFundingId(fundingId)
                .setEnded(BilanEnded.newBuilder().setEndDate(ProtoDates.of(END)).setOutcome(BilanOutcome.COMPLETED)
                        .setDelivered(com.google.protobuf.Duration.newBuilder().setSeconds(DELIVERED.toSeconds()))
                        .setAbsences(1))
                .build();
    }

    private static ListDueCpfDeadlinesRequest through(String centreId, LocalDate day) {
        return ListDueCpfDeadlinesRequest.newBuilder().setCentreId(centreId).setThroughDate(ProtoDates.of(day)).build();
    }

    private static LocalDate dueDate(DueCpfDossier dossier) {
        var date = dossier.getDeadline().getDueDate();
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    @Test
    void theBilansStartAndEndReachItsCpfDossierAsProposals() throws Exception {
        String funding = newCpfFunding();
        RecordBilanProgressRequest start = started(funding, FIRST_SESSION);

        assertThat(platform().recordBilanProgress(start).getRecorded()).isTrue();
        assertEntryProposed(funding, FIRST_SESSION);

        assertThat(platform().recordBilanProgress(ended(funding, start.getAssessmentId())).getRecorded()).isTrue();
        assertExitProposed(funding, END, DELIVERED);
    }

    @Test
    void theSameEventAgainIsAcknowledgedAndChangesNothing() throws Exception {
        String funding = newCpfFunding();
        RecordBilanProgressRequest start = started(funding, FIRST_SESSION);
        RecordBilanProgressRequest end = ended(funding, start.getAssessmentId());

        for (RecordBilanProgressRequest request : List.of(start, end, start, end)) {
            assertThat(platform().recordBilanProgress(request).getRecorded()).as(request.getEventId()).isTrue();
        }

        assertEntryProposed(funding, FIRST_SESSION);
        assertExitProposed(funding, END, DELIVERED);
    }

    @Test
    void aFundingThatIsNotACpfOneIsAcknowledgedAndIgnored() throws Exception {
        String funding = newOtherFunding();
        RecordBilanProgressRequest start = started(funding, FIRST_SESSION);

        assertThat(platform().recordBilanProgress(start).getRecorded()).isFalse();
        assertThat(platform().recordBilanProgress(start).getRecorded()).isFalse();
        assertThat(platform().recordBilanProgress(ended(funding, start.getAssessmentId())).getRecorded()).isFalse();
    }

    @Test
    void refusesProgressWithoutItsEventIdOrFundingInFrenchNamingTheField() throws Exception {
        RecordBilanProgressRequest start = started(newCpfFunding(), FIRST_SESSION);

        assertRefusedInFrench(() -> platform().recordBilanProgress(start.toBuilder().clearEventId().build()), "event_id");
        assertRefusedInFrench(() -> platform().recordBilanProgress(start.toBuilder().clearFundingId().build()),
                "funding_id");
    }

    @Test
    void refusesAListWithoutItsThroughDateInFrenchNamingTheField() {
        assertRefusedInFrench(() -> platform().listDueCpfDeadlines(ListDueCpfDeadlinesRequest.getDefaultInstance()),
                "through_date");
    }

    private static void assertRefusedInFrench(Runnable call, String field) {
        assertThat(FieldErrors.of(call)).as(field).anySatisfy(violation -> {
            assertThat(violation).startsWith(field + ": ");
            assertThat(violation.substring(field.length() + 2)).matches(FRENCH);
        });
    }

    @Test
    void listsTheCentresDueDeadlinesEarliestFirstAndPaged() throws Exception {
        String centre = centreWithDueDeadlines();
        LocalDate farAhead = LocalDate.now().plusYears(50);

        List<DueCpfDossier> due = platform().listDueCpfDeadlines(through(centre, farAhead)).getDossiersList();

        assertThat(due).hasSizeGreaterThanOrEqualTo(2).allSatisfy(dossier -> {
            assertThat(dossier.getCentreId()).isEqualTo(centre);
            assertThat(dossier.getDossierId()).isNotBlank();
        });
        assertThat(due.stream().map(CpfTrackingContract::dueDate).toList()).isSorted();
        // nothing was due before the dossiers were
        assertThat(platform().listDueCpfDeadlines(through(centre, LocalDate.of(2000, 1, 3))).getDossiersList()).isEmpty();

        List<DueCpfDossier> paged = new ArrayList<>();
        String token = "";
        do {
            ListDueCpfDeadlinesResponse page = platform().listDueCpfDeadlines(through(centre, farAhead).toBuilder()
                    .setPageSize(1).setPageToken(token).build());
            assertThat(page.getDossiersList()).hasSize(1);
            paged.addAll(page.getDossiersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty() && paged.size() < due.size() + 1);
        assertThat(paged).containsExactlyElementsOf(due);
    }

    @Test
    void onlyAPlatformServiceMayCall() {
        RecordBilanProgressRequest start = started("funding-" + UUID.randomUUID(), FIRST_SESSION);
        ListDueCpfDeadlinesRequest list = through("", LocalDate.of(2026, 3, 2));
        for (String role : List.of("beneficiary", "consultant", "centre-manager", "network-admin", "auditor")) {
            CpfTrackingServiceBlockingStub someone = as(TestIdentityProvider.token("someone", role));
            assertThat(codeOf(() -> someone.recordBilanProgress(start))).as(role).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> someone.listDueCpfDeadlines(list))).as(role).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        CpfTrackingServiceBlockingStub anonymous = CpfTrackingServiceGrpc.newBlockingStub(cpfTracking())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        assertThat(codeOf(() -> anonymous.recordBilanProgress(start))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(codeOf(() -> anonymous.listDueCpfDeadlines(list))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
}
