package fr.bilan.quality.register.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/** A complaint's rules: what a manager must write, and the order and dates of its steps. */
class ComplaintTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final NewComplaint VALID = new NewComplaint("centre-lyon", ComplainantKind.BENEFICIARY,
            ComplaintChannel.EMAIL, ComplaintTopic.ORGANISATION, "Séance annulée la veille.\nSans nouvelle date.",
            "bilan-1", LocalDate.of(2026, 3, 10));

    private static NewComplaint with(UnaryOperator<NewComplaint> change) {
        return change.apply(VALID);
    }

    static Stream<Arguments> wrongComplaints() {
        return Stream.of(
                Arguments.of("no channel", with(c -> new NewComplaint(c.centreId(), c.complainant(), null, c.topic(),
                        c.summary(), c.assessmentId(), c.receivedDate())), "complaint.channel", "canal"),
                Arguments.of("no complainant", with(c -> new NewComplaint(c.centreId(), null, c.channel(), c.topic(),
                        c.summary(), c.assessmentId(), c.receivedDate())), "complaint.complainant", "de qui"),
                Arguments.of("no topic", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(), null,
                        c.summary(), c.assessmentId(), c.receivedDate())), "complaint.topic", "objet"),
                Arguments.of("blank summary", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), "  \n ", c.assessmentId(), c.receivedDate())), "complaint.summary", "obligatoire"),
                Arguments.of("summary too long", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), "a".repeat(2_001), c.assessmentId(), c.receivedDate())), "complaint.summary", "2000"),
                Arguments.of("tab in summary", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), "a\tb", c.assessmentId(), c.receivedDate())), "complaint.summary", "tabulation"),
                Arguments.of("bell in summary", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), "a\u0007b", c.assessmentId(), c.receivedDate())), "complaint.summary", "contrôle"),
                Arguments.of("assessment id on two lines", with(c -> new NewComplaint(c.centreId(), c.complainant(),
                        c.channel(), c.topic(), c.summary(), "bilan\n1", c.receivedDate())), "complaint.assessmentId", "ligne"),
                Arguments.of("no reception day", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), c.summary(), c.assessmentId(), null)), "complaint.receivedDate", "reçue"),
                Arguments.of("received tomorrow", with(c -> new NewComplaint(c.centreId(), c.complainant(), c.channel(),
                        c.topic(), c.summary(), c.assessmentId(), TODAY.plusDays(1))), "complaint.receivedDate", "futur"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongComplaints")
    void aWrongComplaintIsRefusedNamingItsField(String wrong, NewComplaint complaint, String field, String saying) {
        var refused = catchThrowableOfType(InvalidFields.class, () -> Complaint.check(complaint, TODAY));

        assertThat(refused.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.description()).contains(saying);
        });
    }

    @Test
    void everyFieldWrongIsNamedAtOnce() {
        var refused = catchThrowableOfType(InvalidFields.class, () -> Complaint.check(
                new NewComplaint("centre-lyon", null, null, null, "", "", null), TODAY));

        assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly(
                "complaint.complainant", "complaint.channel", "complaint.topic", "complaint.summary",
                "complaint.receivedDate");
    }

    @Test
    void aComplaintReceivedTodayWithParagraphsAndNoBilanIsTaken() {
        NewComplaint complaint = new NewComplaint("centre-lyon", ComplainantKind.FUNDER, ComplaintChannel.LETTER,
                ComplaintTopic.BILLING, " Facture en double.\r\n\r\nDeuxième paragraphe. ", "", TODAY);

        Complaint.check(complaint, TODAY);
        Complaint received = Complaint.received("c-1", complaint, Instant.EPOCH, "key");

        assertThat(received.summary()).isEqualTo("Facture en double.\r\n\r\nDeuxième paragraphe.");
        assertThat(received.assessmentId()).isNull();
        assertThat(received.version()).isEqualTo(1);
        assertThat(received.daysToAcknowledge()).isEmpty();
        assertThat(received.recordedFrom(complaint)).isTrue();
        assertThat(received.recordedFrom(with(c -> new NewComplaint(c.centreId(), ComplainantKind.FUNDER,
                ComplaintChannel.LETTER, ComplaintTopic.BILLING, "Facture en double.\r\n\r\nDeuxième paragraphe.", "bilan-1",
                TODAY)))).as("the same complaint about a bilan is another one").isFalse();
    }

    private static Complaint received() {
        return Complaint.received("c-1", VALID, Instant.EPOCH, "key");
    }

    /** day acknowledged; day answered (null: not answered); what is refused (null: taken). */
    static Stream<Arguments> steps() {
        LocalDate received = VALID.receivedDate();
        return Stream.of(
                Arguments.of(received, null, null),
                Arguments.of(received, received, null),
                Arguments.of(received.plusDays(2), TODAY, null),
                Arguments.of(received.minusDays(1), null, "précéder la réception"),
                Arguments.of(TODAY.plusDays(1), null, "futur"),
                Arguments.of(received.plusDays(3), received.plusDays(2), "précéder l'accusé"),
                Arguments.of(received, TODAY.plusDays(1), "futur"));
    }

    @ParameterizedTest(name = "acknowledged {0}, answered {1}: {2}")
    @MethodSource("steps")
    void theStepsFollowEachOtherOnDaysNotInTheFuture(LocalDate acknowledged, LocalDate answered, String refusal) {
        Complaint complaint = received();
        try {
            complaint = complaint.acknowledged(acknowledged, TODAY);
            if (answered != null) {
                complaint = complaint.answered(answered, "Nouvelle date proposée.", TODAY);
            }
            assertThat(refusal).as("taken").isNull();
        } catch (RuleRefusal | InvalidFields e) {
            assertThat(refusal).as("refused: " + e.getMessage()).isNotNull();
            String reason = e instanceof InvalidFields invalid ? invalid.violations().get(0).description() : e.getMessage();
            assertThat(reason).contains(refusal);
            return;
        }
        assertThat(complaint.daysToAcknowledge()).contains((long) acknowledged.toEpochDay() - VALID.receivedDate().toEpochDay());
        if (answered != null) {
            assertThat(complaint.daysToAnswer()).contains((long) answered.toEpochDay() - VALID.receivedDate().toEpochDay());
            assertThat(complaint.version()).isEqualTo(3);
        }
    }

    @Test
    void noAnswerBeforeTheAcknowledgement() {
        var refused = catchThrowableOfType(RuleRefusal.class, () -> received().answered(TODAY, "Réponse.", TODAY));

        assertThat(refused.frenchReason()).contains("accusé de réception");
    }

    @Test
    void eachStepOnceTheSameOneAgainChangesNothing() {
        Complaint acknowledged = received().acknowledged(TODAY, TODAY);
        Complaint answered = acknowledged.answered(TODAY, "Réponse envoyée.", TODAY);

        assertThat(acknowledged.acknowledged(TODAY, TODAY)).isSameAs(acknowledged);
        assertThat(answered.answered(TODAY, " Réponse envoyée. ", TODAY)).isSameAs(answered);
        assertThat(catchThrowableOfType(RuleRefusal.class, () -> acknowledged.acknowledged(TODAY.minusDays(1), TODAY))
                .frenchReason()).contains("déjà un accusé de réception, daté du 16/03/2026");
        assertThat(catchThrowableOfType(RuleRefusal.class, () -> answered.answered(TODAY, "Autre réponse.", TODAY))
                .frenchReason()).contains("déjà reçu sa réponse");
    }

    @Test
    void anAnswerHasItsSummary() {
        Complaint acknowledged = received().acknowledged(TODAY, TODAY);

        var refused = catchThrowableOfType(InvalidFields.class, () -> acknowledged.answered(TODAY, " ", TODAY));

        assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly("answerSummary");
    }
}
