package fr.bilan.notification.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.type.Date;

import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.Fact;
import fr.bilan.notification.planning.RecordedFact;
import fr.bilan.proto.notification.internal.v1.AgreementAwaitingSignature;
import fr.bilan.proto.notification.internal.v1.FollowUpAccepted;
import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.StatusRuntimeException;

/**
 * Facts as they come over the wire: an agreement's last day, a funder's survey's contact and link, a
 * follow-up's due day are required, and a wrong one is named, never dropped.
 */
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

    private static final Instant EXPIRE = Instant.parse("2027-01-29T10:00:00Z");

    static FunderSurveyInvitation.Builder funderSurvey() {
        return FunderSurveyInvitation.newBuilder().setSurveyId("s1").setCentreId("c1").setFunderName(" OPCO Atlas ")
                .setContactName("Alex Martin").setEmailAddress("alex.martin@opco.example").setYear(2026).setReminder(1)
                .setLinkUrl("https://bilan.example/api/v1/surveyPages/tok").setExpireTime(ProtoTime.of(EXPIRE));
    }

    private static RecordEventsRequest of(FunderSurveyInvitation.Builder fact) {
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder().setEventId("e1")
                .setOccurTime(ProtoTime.of(Instant.parse("2026-12-07T08:00:00Z"))).setFunderSurveyInvitation(fact))
                .build();
    }

    private static RecordEventsRequest of(FollowUpAccepted.Builder fact) {
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder().setEventId("e1")
                .setOccurTime(ProtoTime.of(Instant.parse("2026-12-07T08:00:00Z"))).setFollowUpAccepted(fact))
                .build();
    }

    private static List<String> refusals(RecordEventsRequest request) {
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> IntakeMessages.fromProto(request));
        assertThat(refused).isNotNull();
        return FieldErrors.of(refused).stream().map(String::valueOf).toList();
    }

    @Test
    void aFundersSurveyIsTakenWithItsContactAndLink() {
        List<RecordedFact> facts = IntakeMessages.fromProto(of(funderSurvey()));

        assertThat(facts).extracting(RecordedFact::fact).containsExactly(new Fact.FunderSurveyInvitation("c1",
                new Subject.FunderSurvey("s1", "OPCO Atlas", 2026, 1, EXPIRE), "Alex Martin", "alex.martin@opco.example",
                "https://bilan.example/api/v1/surveyPages/tok"));
        // what a log line would print of it: neither the link, nor the contact, nor the address
        assertThat(facts.get(0).fact().toString()).doesNotContain("surveyPages", "Alex", "alex.martin");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "alex.martin", "alex martin@opco.example", "Alex <alex.martin@opco.example>",
            "a@b@opco.example", "alex.martin@opco.example, eve@example.org" })
    void aFundersSurveyToAnAddressThatIsNoneIsRefusedNamingTheField(String address) {
        assertThat(refusals(of(funderSurvey().setEmailAddress(address)))).containsExactly(
                "events[0].funder_survey_invitation.email_address: Adresse e-mail invalide.");
    }

    @Test
    void aFundersSurveyWithNothingButItsIdsIsRefusedNamingEachMissingField() {
        assertThat(refusals(of(FunderSurveyInvitation.newBuilder().setSurveyId("s1").setCentreId("c1").setReminder(-1)
                .setLinkUrl("javascript:alert(1)")))).containsExactlyInAnyOrder(
                "events[0].funder_survey_invitation.funder_name: Ce champ est obligatoire.",
                "events[0].funder_survey_invitation.contact_name: Ce champ est obligatoire.",
                "events[0].funder_survey_invitation.email_address: Ce champ est obligatoire.",
                "events[0].funder_survey_invitation.year: Indiquez l'année de l'enquête, entre 2000 et 2100.",
                "events[0].funder_survey_invitation.reminder: Le numéro de relance ne peut pas être négatif.",
                "events[0].funder_survey_invitation.link_url: Le lien de l'enquête est une adresse http ou https.",
                "events[0].funder_survey_invitation.expire_time: Indiquez quand le lien de l'enquête expire.");
    }

    @Test
    void aFollowUpAcceptedIsTakenForItsConsultant() {
        List<RecordedFact> facts = IntakeMessages.fromProto(of(FollowUpAccepted.newBuilder().setAssessmentId("a1")
                .setBeneficiaryId("b1").setCentreId("c1").setConsultantId("k1")
                .setDueDate(ProtoDates.of(LocalDate.of(2027, 6, 1)))));

        assertThat(facts).extracting(RecordedFact::fact).containsExactly(new Fact.FollowUpAccepted("c1", "k1",
                new Subject.FollowUp("a1", "b1", LocalDate.of(2027, 6, 1))));
    }

    @Test
    void aFollowUpAcceptedWithoutItsConsultantOrDueDayIsRefusedNamingThem() {
        assertThat(refusals(of(FollowUpAccepted.newBuilder().setAssessmentId("a1").setBeneficiaryId("b1")
                .setCentreId("c1")))).containsExactlyInAnyOrder(
                "events[0].follow_up_accepted.consultant_id: Ce champ est obligatoire.",
                "events[0].follow_up_accepted.due_date: Indiquez le jour où l'entretien de suivi était prévu.");
    }

    @Test
    void anImpossibleLastDayIsRefusedNamingTheField() {
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> IntakeMessages.fromProto(awaiting(
                Date.newBuilder().setYear(2026).setMonth(2).setDay(30).build())));

        assertThat(FieldErrors.of(refused)).singleElement().asString()
                .startsWith("events[0].agreement_awaiting_signature.employee_deadline_date: Date invalide");
    }
}
