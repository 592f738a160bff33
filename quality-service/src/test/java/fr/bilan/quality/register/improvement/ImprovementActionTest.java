package fr.bilan.quality.register.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/** An improvement action's rules: what a manager must write, and a status that only moves on. */
class ImprovementActionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    private static final NewImprovementAction VALID = new NewImprovementAction("centre-lyon",
            "Prévenir 48 h avant toute annulation", ImprovementOrigin.COMPLAINT, "complaint-1", "Responsable qualité", DUE);

    static Stream<Arguments> wrongActions() {
        return Stream.of(
                Arguments.of(new NewImprovementAction("c", "", ImprovementOrigin.AUDIT, "", "Moi", DUE), "action.title"),
                Arguments.of(new NewImprovementAction("c", "x".repeat(501), ImprovementOrigin.AUDIT, "", "Moi", DUE),
                        "action.title"),
                Arguments.of(new NewImprovementAction("c", "Titre", null, "", "Moi", DUE), "action.origin"),
                Arguments.of(new NewImprovementAction("c", "Titre", ImprovementOrigin.COMPLAINT, "", "Moi", DUE),
                        "action.originId"),
                Arguments.of(new NewImprovementAction("c", "Titre", ImprovementOrigin.SURVEY, "2025\n2026", "Moi", DUE),
                        "action.originId"),
                Arguments.of(new NewImprovementAction("c", "Titre", ImprovementOrigin.AUDIT, "", " ", DUE), "action.owner"),
                Arguments.of(new NewImprovementAction("c", "Titre", ImprovementOrigin.AUDIT, "", "Moi", null),
                        "action.dueDate"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongActions")
    void aWrongActionIsRefusedNamingItsField(NewImprovementAction action, String field) {
        var refused = catchThrowableOfType(InvalidFields.class, () -> ImprovementAction.check(action));

        assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly(field);
    }

    @Test
    void anActionFromTheSurveysNeedsNoReference() {
        ImprovementAction.check(new NewImprovementAction("c", "Titre", ImprovementOrigin.SURVEY, "", "Moi", DUE));
    }

    private static ImprovementAction open() {
        return ImprovementAction.opened("a-1", VALID, Instant.parse("2026-03-01T10:00:00Z"), "key");
    }

    private static ImprovementAction in(ImprovementStatus status) {
        ImprovementAction action = open();
        return status == ImprovementStatus.OPEN ? action
                : action.changed(new ImprovementChange(status, "", null, status == ImprovementStatus.DONE
                        ? TODAY.minusDays(2) : null), TODAY);
    }

    /** from, to, whether taken. */
    static Stream<Arguments> moves() {
        return Stream.of(
                Arguments.of(ImprovementStatus.OPEN, ImprovementStatus.IN_PROGRESS, true),
                Arguments.of(ImprovementStatus.OPEN, ImprovementStatus.DONE, true),
                Arguments.of(ImprovementStatus.IN_PROGRESS, ImprovementStatus.DONE, true),
                Arguments.of(ImprovementStatus.IN_PROGRESS, ImprovementStatus.OPEN, false),
                Arguments.of(ImprovementStatus.DONE, ImprovementStatus.IN_PROGRESS, false),
                Arguments.of(ImprovementStatus.DONE, ImprovementStatus.OPEN, false));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @MethodSource("moves")
    void theStatusNeverGoesBack(ImprovementStatus from, ImprovementStatus to, boolean taken) {
        ImprovementAction action = in(from);
        ImprovementChange change = new ImprovementChange(to, "", null, null);

        if (taken) {
            ImprovementAction moved = action.changed(change, TODAY);
            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(action.version() + 1);
        } else {
            assertThat(catchThrowableOfType(RuleRefusal.class, () -> action.changed(change, TODAY)).frenchReason())
                    .contains("ne revient pas en arrière");
        }
    }

    @Test
    void doneIsDatedTodayUnlessADayIsGivenNeverInTheFuture() {
        assertThat(open().changed(new ImprovementChange(ImprovementStatus.DONE, "", null, null), TODAY).doneDate())
                .isEqualTo(TODAY);
        assertThat(open().changed(new ImprovementChange(ImprovementStatus.DONE, "", null, TODAY.minusDays(5)), TODAY)
                .doneDate()).isEqualTo(TODAY.minusDays(5));
        assertThat(catchThrowableOfType(InvalidFields.class, () -> open().changed(
                new ImprovementChange(ImprovementStatus.DONE, "", null, TODAY.plusDays(1)), TODAY)).violations())
                .extracting(InvalidFields.Violation::field).containsExactly("doneDate");
        assertThat(catchThrowableOfType(InvalidFields.class, () -> open().changed(
                new ImprovementChange(ImprovementStatus.IN_PROGRESS, "", null, TODAY), TODAY)).violations())
                .extracting(InvalidFields.Violation::field).containsExactly("doneDate");
    }

    @Test
    void aDoneActionAnswersItsRetryAndChangesNoMore() {
        ImprovementAction done = in(ImprovementStatus.DONE);

        assertThat(done.changed(new ImprovementChange(ImprovementStatus.DONE, "", null, TODAY.minusDays(2)), TODAY))
                .isSameAs(done);
        assertThat(done.changed(new ImprovementChange(ImprovementStatus.DONE, "", null, null), TODAY)).isSameAs(done);
        assertThat(catchThrowableOfType(RuleRefusal.class, () -> done.changed(
                new ImprovementChange(null, "Quelqu'un d'autre", null, null), TODAY)).frenchReason())
                .contains("terminée depuis le 14/03/2026");
    }

    @Test
    void ownerAndDueDateChangeAloneWhileUnderWay() {
        ImprovementAction moved = open().changed(new ImprovementChange(null, "Directrice", DUE.plusMonths(1), null), TODAY);

        assertThat(moved.status()).isEqualTo(ImprovementStatus.OPEN);
        assertThat(moved.owner()).isEqualTo("Directrice");
        assertThat(moved.dueDate()).isEqualTo(DUE.plusMonths(1));
        assertThat(moved.changed(new ImprovementChange(null, "", null, null), TODAY)).isSameAs(moved);
    }

    @Test
    void aRetryOfTheRecordIsRecognisedEvenAfterTheActionMovedOn() {
        ImprovementAction moved = open().changed(new ImprovementChange(ImprovementStatus.IN_PROGRESS, "Directrice",
                null, null), TODAY);

        assertThat(open().recordedFrom(VALID)).isTrue();
        assertThat(moved.recordedFrom(VALID)).isTrue();
        assertThat(open().recordedFrom(new NewImprovementAction("centre-lyon", "Autre chose", ImprovementOrigin.COMPLAINT,
                "complaint-1", "Responsable qualité", DUE))).isFalse();
        assertThat(open().recordedFrom(new NewImprovementAction("centre-lyon", VALID.title(), ImprovementOrigin.COMPLAINT,
                "complaint-1", "Responsable qualité", DUE.plusDays(1)))).isFalse();
    }

    @Test
    void theRegisterListsWhatIsNotDoneFirstThenByDueDate() {
        ImprovementAction lateDone = new ImprovementAction("a", "c", "t", ImprovementOrigin.AUDIT, "", "o",
                ImprovementStatus.DONE, DUE.minusMonths(2), TODAY, Instant.EPOCH, "k1", 2);
        ImprovementAction openLater = new ImprovementAction("b", "c", "t", ImprovementOrigin.AUDIT, "", "o",
                ImprovementStatus.OPEN, DUE.plusDays(1), null, Instant.EPOCH, "k2", 1);
        ImprovementAction underWaySooner = new ImprovementAction("d", "c", "t", ImprovementOrigin.AUDIT, "", "o",
                ImprovementStatus.IN_PROGRESS, DUE, null, Instant.EPOCH, "k3", 2);

        assertThat(Stream.of(lateDone, openLater, underWaySooner).sorted(ImprovementAction.REGISTER_ORDER).toList())
                .isEqualTo(List.of(underWaySooner, openLater, lateDone));
    }
}
