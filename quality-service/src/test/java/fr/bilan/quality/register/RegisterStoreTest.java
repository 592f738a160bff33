package fr.bilan.quality.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.quality.QualityServiceContext;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.register.complaint.ComplainantKind;
import fr.bilan.quality.register.complaint.Complaint;
import fr.bilan.quality.register.complaint.ComplaintChannel;
import fr.bilan.quality.register.complaint.ComplaintTopic;
import fr.bilan.quality.register.complaint.Complaints;
import fr.bilan.quality.register.complaint.NewComplaint;
import fr.bilan.quality.register.improvement.ImprovementAction;
import fr.bilan.quality.register.improvement.ImprovementActions;
import fr.bilan.quality.register.improvement.ImprovementChange;
import fr.bilan.quality.register.improvement.ImprovementOrigin;
import fr.bilan.quality.register.improvement.ImprovementStatus;
import fr.bilan.quality.register.improvement.NewImprovementAction;
import fr.bilan.support.testing.GrpcServiceTestSupport;

/**
 * The register's stores on the embedded MongoDB: one record per request, a change replaces only the
 * version it read, a centre's records only, periods of days from the first (included) to the last
 * (excluded); the bilans' drop-outs by their end.
 */
@QualityServiceContext
class RegisterStoreTest extends GrpcServiceTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Autowired
    private Complaints complaints;
    @Autowired
    private ImprovementActions actions;
    @Autowired
    private BilanRecords bilans;

    private final String centre = "centre-" + UUID.randomUUID();

    private Complaint complaint(LocalDate received, String requestKey) {
        return Complaint.received(UUID.randomUUID().toString(), new NewComplaint(centre, ComplainantKind.EMPLOYER,
                ComplaintChannel.LETTER, ComplaintTopic.BILLING, "Facture contestée.", "", received), Instant.now(), requestKey);
    }

    @Test
    void aRequestRecordsOneComplaintAndAChangeReplacesOnlyTheVersionItRead() {
        Complaint first = complaint(DAY, "request-" + UUID.randomUUID());

        assertThat(complaints.recordOnce(first)).isEqualTo(first);
        Complaint retried = complaint(DAY.minusDays(1), first.requestKey());
        assertThat(complaints.recordOnce(retried)).isEqualTo(first);
        assertThat(complaints.byId(centre, retried.id())).isEmpty();

        Complaint acknowledged = first.acknowledged(DAY, DAY);
        assertThat(complaints.replace(first, acknowledged)).isTrue();
        // a second writer that read version 1 too changes nothing
        assertThat(complaints.replace(first, first.acknowledged(DAY.plusDays(1), DAY.plusDays(1)))).isFalse();
        assertThat(complaints.byId(centre, first.id())).contains(acknowledged);
        assertThat(complaints.byId("centre-other", first.id())).isEmpty();
    }

    @Test
    void aPeriodTakesItsFirstDayAndNotItsLast() {
        Complaint onFirst = complaints.recordOnce(complaint(DAY, UUID.randomUUID().toString()));
        Complaint inside = complaints.recordOnce(complaint(DAY.plusDays(3), UUID.randomUUID().toString()));
        complaints.recordOnce(complaint(DAY.plusDays(7), UUID.randomUUID().toString()));
        complaints.recordOnce(complaint(DAY.minusDays(1), UUID.randomUUID().toString()));

        assertThat(complaints.receivedBetween(centre, DAY, DAY.plusDays(7))).containsExactly(inside, onFirst);
    }

    @Test
    void actionsAreKeptOncePerRequestAndChangedByVersion() {
        ImprovementAction action = ImprovementAction.opened(UUID.randomUUID().toString(), new NewImprovementAction(centre,
                "Revoir la convocation", ImprovementOrigin.AUDIT, "Audit 2026", "Direction", DAY.plusMonths(1)),
                Instant.now(), UUID.randomUUID().toString());

        assertThat(actions.recordOnce(action)).isEqualTo(action);
        assertThat(actions.recordOnce(ImprovementAction.opened(UUID.randomUUID().toString(), new NewImprovementAction(
                centre, "Autre", ImprovementOrigin.SURVEY, "", "Direction", DAY), Instant.now(), action.requestKey())))
                .isEqualTo(action);
        ImprovementAction done = action.changed(new ImprovementChange(ImprovementStatus.DONE, "", null, DAY), DAY);
        assertThat(actions.replace(action, done)).isTrue();
        assertThat(actions.replace(action, done)).isFalse();
        assertThat(actions.ofCentre(centre)).containsExactly(done);
    }

    @Test
    void theDropOutsOfACentreByTheirEnd() {
        BilanRecord abandoned = bilan(Outcome.ABANDONED, DAY);
        BilanRecord withdrawn = bilan(Outcome.WITHDRAWN, DAY.plusDays(2));
        bilan(Outcome.INTERRUPTED, DAY.plusDays(5));
        bilan(Outcome.COMPLETED, DAY.plusDays(1));
        bilan(Outcome.IN_PROGRESS, null);

        assertThat(bilans.dropOutsEndedBetween(centre, DAY, DAY.plusDays(5))).containsExactly(withdrawn, abandoned);
    }

    private BilanRecord bilan(Outcome outcome, LocalDate end) {
        BilanRecord bilan = new BilanRecord("bilan-" + UUID.randomUUID(), "beneficiary-1", centre, "", outcome,
                DAY.minusMonths(2), end, null, List.of(), null, "", null, null, null, 1);
        bilans.record(bilan);
        return bilan;
    }
}
