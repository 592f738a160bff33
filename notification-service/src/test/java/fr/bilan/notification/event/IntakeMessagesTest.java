package fr.bilan.notification.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.type.Date;

import fr.bilan.notification.planning.Fact;
import fr.bilan.notification.planning.RecordedFact;
import fr.bilan.proto.notification.internal.v1.AgreementAwaitingSignature;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.StatusRuntimeException;

/** An agreement's fact as it comes over the wire: its last day is required, and a wrong one is named, never dropped. */
class IntakeMessagesTest {

    static RecordEventsRequest awaiting(Date deadline) {
        AgreementAwaitingSignature.Builder fact = AgreementAwaitingSignature.newBuilder().setFundingId("f1")
                .setBeneficiaryId("b1").setCentreId("c1");
        if (deadline != null) {
            fact.setEmployeeDeadlineDate(deadline);
        }
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder().setEventId("e1")
                .setOccurTime(ProtoTime.of(Instant.parse("2026-12-07T08:00:00Z"))).setAgreementAwaitingSignature(fact))
                .build();
    }

    @Test
    void theLastDayIsTaken() {
        List<RecordedFact> facts = IntakeMessages.fromProto(awaiting(ProtoDates.of(LocalDate.of(2026, 12, 17))));

        assertThat(facts).extracting(RecordedFact::fact)
                .containsExactly(new Fact.AgreementAwaitingSignature("f1", "b1", "c1", LocalDate.of(2026, 12, 17)));
    }

    @Test
    void aMissingOrEmptyLastDayIsRefusedNamingTheField() {
        for (Date deadline : new Date[] { null, Date.getDefaultInstance() }) {
            var refused = catchThrowableOfType(StatusRuntimeException.class, () -> IntakeMessages.fromProto(awaiting(deadline)));

            assertThat(refused).as("deadline %s", deadline).isNotNull();
            assertThat(FieldErrors.of(refused)).extracting(String::valueOf).containsExactly(
                    "events[0].agreement_awaiting_signature.employee_deadline_date: Indiquez le dernier jour pour signer.");
        }
    }

    @Test
    void anImpossibleLastDayIsRefusedNamingTheField() {
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> IntakeMessages.fromProto(awaiting(
                Date.newBuilder().setYear(2026).setMonth(2).setDay(30).build())));

        assertThat(FieldErrors.of(refused)).singleElement().asString()
                .startsWith("events[0].agreement_awaiting_signature.employee_deadline_date: Date invalide");
    }
}
