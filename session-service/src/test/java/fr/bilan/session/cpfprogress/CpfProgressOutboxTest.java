package fr.bilan.session.cpfprogress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.support.time.ProtoDates;

/** What the relay sends of the facts an assessment document holds, as the storage writes them or not. */
class CpfProgressOutboxTest {

    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

    private static Document assessment(Document marker) {
        return new Document("_id", "a-1").append("centreId", "centre-reunion").append("fundingId", "f-1")
                .append("cpfProgress", marker);
    }

    @Test
    void eachFactGoesUnderItsOwnEventIdTheStartFirstInTheCentresDays() {
        Document marker = new Document("pending", true).append("attempts", 2).append("version", 7L)
                .append("ended", new Document("eventId", CpfProgressOutbox.eventId("a-1", "ended"))
                        .append("endTime", Date.from(Instant.parse("2026-12-07T21:00:00Z"))).append("outcome", "WITHDRAWN")
                        .append("deliveredSeconds", 16_200L).append("absences", 2))
                .append("started", new Document("eventId", CpfProgressOutbox.eventId("a-1", "started"))
                        .append("firstSessionTime", Date.from(Instant.parse("2026-11-30T05:00:00Z"))));
        PendingCpfProgress pending = PendingCpfProgress.of(assessment(marker));

        List<RecordBilanProgressRequest> requests = CpfProgressOutbox.requests(pending, REUNION);

        assertThat(requests).extracting(RecordBilanProgressRequest::getEventId)
                .containsExactly("cpf-progress/a-1/started", "cpf-progress/a-1/ended");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getAssessmentId()).isEqualTo("a-1");
            assertThat(request.getFundingId()).isEqualTo("f-1");
        });
        assertThat(requests.get(0).getStarted().getFirstSessionDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 11, 30)));
        // 21:00 UTC is 01:00 the next day in Réunion
        assertThat(requests.get(1).getEnded().getEndDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 12, 8)));
        assertThat(requests.get(1).getEnded().getOutcome()).isEqualTo(BilanOutcome.WITHDRAWN);
        assertThat(requests.get(1).getEnded().getDelivered().getSeconds()).isEqualTo(16_200L);
        assertThat(requests.get(1).getEnded().getAbsences()).isEqualTo(2);
        assertThat(List.of(pending.version(), (long) pending.attempts())).containsExactly(7L, 2L);
    }

    /** A fact missing a field goes without it, for beneficiary-service to refuse by name; the relay does not fail. */
    @Test
    void aMissingFieldGoesUnsetAndForgottenFactsGoNowhere() {
        Document marker = new Document("pending", true).append("attempts", 0).append("version", 1L)
                .append("started", new Document("eventId", "cpf-progress/a-1/started"))
                .append("ended", new Document("eventId", "cpf-progress/a-1/ended").append("outcome", "LOST"));

        List<RecordBilanProgressRequest> requests = CpfProgressOutbox.requests(PendingCpfProgress.of(assessment(marker)),
                REUNION);

        assertThat(requests.get(0).getStarted().hasFirstSessionDate()).isFalse();
        assertThat(requests.get(1).getEnded().hasEndDate()).isFalse();
        assertThat(requests.get(1).getEnded().getOutcome()).isEqualTo(BilanOutcome.BILAN_OUTCOME_UNSPECIFIED);
        assertThat(CpfProgressOutbox.requests(PendingCpfProgress.of(assessment(new Document("pending", true)
                .append("version", 2L))), REUNION)).isEmpty();
    }
}
