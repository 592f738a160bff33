package fr.bilan.beneficiary.cpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import fr.bilan.beneficiary.France;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;

/** The CPF dossier's rules without gRPC nor MongoDB: deadlines, steps, lateness, the bilan's proposals. */
class CpfDossierTest {

    static final CpfCentre LYON = new CpfCentre(new WorkingDays(HolidayCalendar.METROPOLE), 0);
    /** A Monday without holiday around it. */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    static CpfDossier opened(LocalDate received) {
        return CpfDossier.open("funding-1", "beneficiary-1", "centre-lyon", "12345678901", 160_000, received,
                NOW, "manager-1");
    }

    static CpfDossier step(CpfDossier dossier, CpfStepInput input) {
        return dossier.recordStep(input, LYON, TODAY, NOW, "consultant-1", StepSource.STAFF, null);
    }

    static CpfStepInput validate(LocalDate date, LocalDate start, Duration hours) {
        return new CpfStepInput(CpfState.VALIDATED, date, start, hours, "");
    }

    /** Validated on Tuesday 3 March 2026, start on the 11th working day after (18 March), 20 hours. */
    static CpfDossier validated() {
        return step(opened(MONDAY), validate(MONDAY.plusDays(1), LocalDate.of(2026, 3, 18), Duration.ofHours(20)));
    }

    static Map<String, String> fields(Executable call) {
        InvalidFields invalid = catchThrowableOfType(InvalidFields.class, call::execute);
        assertThat(invalid).as("InvalidFields expected").isNotNull();
        return invalid.violations().stream().collect(Collectors.toMap(InvalidFields.Violation::field,
                InvalidFields.Violation::description));
    }

    static String refusal(Executable call) {
        RuleRefusal refusal = catchThrowableOfType(RuleRefusal.class, call::execute);
        assertThat(refusal).as("RuleRefusal expected").isNotNull();
        return refusal.frenchReason();
    }

    @Test
    void aDossierOpensToProcessWithTheCentresAnswerDueWithinTwoWorkingDays() {
        CpfDossier dossier = opened(MONDAY);

        assertThat(dossier.state()).isEqualTo(CpfState.NOT_PROCESSED);
        assertThat(dossier.history()).singleElement().satisfies(step -> {
            assertThat(step.source()).isEqualTo(StepSource.STAFF);
            assertThat(step.recordedBy()).isEqualTo("manager-1");
            assertThat(step.date()).isEqualTo(MONDAY);
        });
        CpfDeadline answer = new CpfDeadline(DeadlineAction.ANSWER_REQUEST, DeadlineOwner.CENTRE, MONDAY.plusDays(2));
        assertThat(dossier.deadlines(LYON)).containsExactly(answer);
        assertThat(dossier.nextDeadline(LYON)).contains(answer);
        assertThat(answer.label()).isEqualTo("Répondre à la demande (valider ou refuser) au plus tard le 04/03/2026");
        assertThat(answer.overdue(MONDAY.plusDays(2))).isFalse();
        assertThat(answer.overdue(MONDAY.plusDays(3))).isTrue();
    }

    @Test
    void deadlinesSkipWeekendsAndTheCentresPublicHolidays() {
        // received on Friday before Easter: Easter Monday (6 April 2026) is not counted
        assertThat(opened(LocalDate.of(2026, 4, 3)).nextDeadline(LYON).orElseThrow().dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 8));
        // Good Friday is a holiday in Alsace-Moselle only
        CpfCentre strasbourg = new CpfCentre(new WorkingDays(HolidayCalendar.ALSACE_MOSELLE), 0);
        assertThat(opened(LocalDate.of(2026, 4, 2)).nextDeadline(LYON).orElseThrow().dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(opened(LocalDate.of(2026, 4, 2)).nextDeadline(strasbourg).orElseThrow().dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void aValidationOnTimeProposesTheStartAndHoursAndLeavesTheHolderFourWorkingDays() {
        CpfDossier dossier = step(opened(MONDAY), new CpfStepInput(CpfState.VALIDATED, MONDAY.plusDays(1),
                LocalDate.of(2026, 3, 18), Duration.ofHours(20), "123 456 789 01"));

        assertThat(dossier.state()).isEqualTo(CpfState.VALIDATED);
        assertThat(dossier.proposedStartDate()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(dossier.plannedHours()).isEqualTo(Duration.ofHours(20));
        assertThat(dossier.dossierNumber()).isEqualTo("12345678901");
        CpfStep last = dossier.history().get(1);
        assertThat(last.dueDate()).isEqualTo(MONDAY.plusDays(2));
        assertThat(last.late()).isFalse();
        assertThat(last.workingDaysLate()).isZero();
        assertThat(dossier.deadlines(LYON)).containsExactly(new CpfDeadline(DeadlineAction.HOLDER_ACCEPTANCE,
                DeadlineOwner.HOLDER, LocalDate.of(2026, 3, 9)));
        // the holder's deadline is not the centre's to meet
        assertThat(dossier.nextDeadline(LYON)).isEmpty();
    }

    @Test
    void aLateStepIsTakenAndRecordedAsLateWithItsWorkingDays() {
        // due Wednesday 4 March; answered the next Monday: Thursday, Friday, Monday
        CpfDossier dossier = step(opened(MONDAY), validate(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 24),
                Duration.ofHours(18)));

        CpfStep late = dossier.history().get(1);
        assertThat(late.late()).isTrue();
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(late.workingDaysLate()).isEqualTo(3);
    }

    @Test
    void aStepMadeOnTheWeekendAfterAFridayDeadlineIsOneWorkingDayLate() {
        // received Wednesday 4 March, due Friday 6; refused on Saturday 7
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        CpfStep late = opened(LocalDate.of(2026, 3, 4)).recordStep(CpfStepInput.of(CpfState.REFUSED_BY_CENTRE, saturday),
                LYON, saturday, NOW, "c", StepSource.STAFF, null).history().get(1);

        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(late.late()).isTrue();
        assertThat(late.workingDaysLate()).isEqualTo(1);
    }

    @Test
    void theStartMustFollowTheProposalByElevenWorkingDays() {
        assertThat(fields(() -> step(opened(MONDAY), validate(MONDAY.plusDays(1), LocalDate.of(2026, 3, 17),
                Duration.ofHours(20))))).containsOnlyKeys("step.proposed_start_date")
                .hasEntrySatisfying("step.proposed_start_date", text -> assertThat(text).contains("11 jours ouvrés",
                        "18/03/2026"));
    }

    @Test
    void plannedHoursAreThirteenToTwentyFourInWholeMinutes() {
        LocalDate start = LocalDate.of(2026, 3, 18);
        assertThat(fields(() -> step(opened(MONDAY), validate(MONDAY.plusDays(1), start, Duration.ofMinutes(779)))))
                .containsOnlyKeys("step.planned_hours").hasEntrySatisfying("step.planned_hours",
                        text -> assertThat(text).contains("13 à 24 heures", "12 h 59"));
        assertThat(fields(() -> step(opened(MONDAY), validate(MONDAY.plusDays(1), start, Duration.ofMinutes(1441)))))
                .containsOnlyKeys("step.planned_hours");
        assertThat(fields(() -> step(opened(MONDAY), validate(MONDAY.plusDays(1), start,
                Duration.ofHours(20).plusSeconds(30))))).containsOnlyKeys("step.planned_hours");
        assertThat(fields(() -> step(opened(MONDAY), validate(MONDAY.plusDays(1), null, null))))
                .containsOnlyKeys("step.planned_hours", "step.proposed_start_date");
        assertThat(step(opened(MONDAY), validate(MONDAY.plusDays(1), start, Duration.ofHours(13))).plannedHours())
                .isEqualTo(Duration.ofHours(13));
        assertThat(step(opened(MONDAY), validate(MONDAY.plusDays(1), start, Duration.ofHours(24))).plannedHours())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theCpfAmountMayNotExceedThePlannedHoursAtTheCentresPrice() {
        CpfCentre priced = new CpfCentre(LYON.workingDays(), 8_000);
        CpfStepInput eighteenHours = validate(MONDAY.plusDays(1), LocalDate.of(2026, 3, 18), Duration.ofHours(18));

        assertThat(refusal(() -> opened(MONDAY).recordStep(eighteenHours, priced, TODAY, NOW, "c", StepSource.STAFF,
                null))).contains(France.euros(160_000), "18 h", "80,00 €", France.euros(144_000), "D6323-6");
        // 20 hours at 80 € make 1,600 €: taken; and no price set, nothing checked
        assertThat(opened(MONDAY).recordStep(validate(MONDAY.plusDays(1), LocalDate.of(2026, 3, 18),
                Duration.ofHours(20)), priced, TODAY, NOW, "c", StepSource.STAFF, null).state())
                .isEqualTo(CpfState.VALIDATED);
        assertThat(step(opened(MONDAY), eighteenHours).state()).isEqualTo(CpfState.VALIDATED);
    }

    @Test
    void aStepDateIsRequiredNotInTheFutureNorBeforeThePreviousStep() {
        CpfDossier dossier = validated();

        assertThat(fields(() -> step(dossier, CpfStepInput.of(CpfState.ACCEPTED, TODAY.plusDays(1)))))
                .containsOnlyKeys("step.date").hasEntrySatisfying("step.date",
                        text -> assertThat(text).contains("futur", "21/03/2026"));
        assertThat(fields(() -> step(dossier, CpfStepInput.of(CpfState.ACCEPTED, MONDAY))))
                .containsOnlyKeys("step.date").hasEntrySatisfying("step.date",
                        text -> assertThat(text).contains("précéder", "02/03/2026", "03/03/2026"));
        assertThat(fields(() -> step(dossier, CpfStepInput.of(CpfState.ACCEPTED, null)))).containsOnlyKeys("step.date");
        assertThat(fields(() -> step(dossier, CpfStepInput.of(null, TODAY)))).containsOnlyKeys("step.state");
        // the same day as the previous step is taken
        assertThat(step(dossier, CpfStepInput.of(CpfState.ACCEPTED, MONDAY.plusDays(1))).state())
                .isEqualTo(CpfState.ACCEPTED);
    }

    @Test
    void aDossierNumberIsEightToFourteenDigitsSpacesIgnored() {
        CpfDossier dossier = validated();
        for (String wrong : new String[] { "1234567", "123456789012345", "12345678A", "1234-5678" }) {
            assertThat(fields(() -> step(dossier, new CpfStepInput(CpfState.ACCEPTED, TODAY, null, null, wrong))))
                    .containsOnlyKeys("step.dossier_number");
        }
        assertThat(step(dossier, new CpfStepInput(CpfState.ACCEPTED, TODAY, null, null, "9876 5432")).dossierNumber())
                .isEqualTo("98765432");
    }

    @Test
    void aProposalBelongsToTheValidationOnly() {
        assertThat(fields(() -> step(validated(), new CpfStepInput(CpfState.ACCEPTED, TODAY, TODAY,
                Duration.ofHours(20), "")))).containsOnlyKeys("step.proposed_start_date", "step.planned_hours");
    }

    @Test
    void aStepOutOfOrderIsARuleRefusalNamingBothStates() {
        assertThat(refusal(() -> step(opened(MONDAY), CpfStepInput.of(CpfState.IN_TRAINING, TODAY))))
                .contains("« à traiter »", "« en formation »", "« validé »");
    }

    @Test
    void theBilanProposesTheEntryTheEarliestFirstSessionWinningAndAnEventTwiceChangesNothing() {
        CpfDossier accepted = step(validated(), CpfStepInput.of(CpfState.ACCEPTED, LocalDate.of(2026, 3, 5)));
        // no session yet: the entry is due 3 working days after the proposed start
        assertThat(accepted.nextDeadline(LYON).orElseThrow()).isEqualTo(new CpfDeadline(DeadlineAction.DECLARE_ENTRY,
                DeadlineOwner.CENTRE, LocalDate.of(2026, 3, 23)));

        CpfDossier started = accepted.recordProgress("event-1", new BilanProgress.Started(LocalDate.of(2026, 3, 19)))
                .recordProgress("event-2", new BilanProgress.Started(LocalDate.of(2026, 3, 18)))
                .recordProgress("event-3", new BilanProgress.Started(LocalDate.of(2026, 3, 20)));

        assertThat(started.entryProposal()).isEqualTo(new EntryProposal(LocalDate.of(2026, 3, 18)));
        assertThat(started.recordProgress("event-2", new BilanProgress.Started(LocalDate.of(2026, 3, 17))))
                .isSameAs(started);
        assertThat(started.nextDeadline(LYON).orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 3, 23));
        // the entry's date defaults to the proposal's
        CpfDossier inTraining = step(started, CpfStepInput.of(CpfState.IN_TRAINING, null));
        assertThat(inTraining.history().get(3).date()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(inTraining.history().get(3).late()).isFalse();
        // the end of the action is not known yet: nothing is due
        assertThat(inTraining.deadlines(LYON)).isEmpty();
    }

    @Test
    void theEndOfTheActionProposesTheExitWithItsCompletionRateAndReason() {
        CpfDossier validated = validated();
        LocalDate end = LocalDate.of(2026, 5, 29);

        ExitProposal absences = validated.recordProgress("e", new BilanProgress.Ended(end, BilanOutcome.COMPLETED,
                Duration.ofMinutes(18 * 60 + 30), 2)).exitProposal();
        assertThat(absences.completionPercent()).isEqualTo(92);
        assertThat(absences.partialReason()).isEqualTo(PartialReason.ABSENCES);
        assertThat(absences.summary()).isEqualTo("Sortie de formation le 29/05/2026 : 18 h 30 d'accompagnement "
                + "réalisées sur 20 h prévues, soit 92 % ; sortie partielle, motif : absences du titulaire "
                + "(2 séance(s) manquée(s)).");
        ExitProposal complete = validated.recordProgress("e", new BilanProgress.Ended(end, BilanOutcome.COMPLETED,
                Duration.ofHours(21), 0)).exitProposal();
        assertThat(complete.completionPercent()).isEqualTo(100);
        assertThat(complete.partialReason()).isNull();
        assertThat(validated.recordProgress("e", new BilanProgress.Ended(end, BilanOutcome.WITHDRAWN,
                Duration.ofHours(10), 0)).exitProposal().partialReason()).isEqualTo(PartialReason.WITHDRAWAL);
        assertThat(validated.recordProgress("e", new BilanProgress.Ended(end, BilanOutcome.ABANDONED,
                Duration.ofHours(10), 0)).exitProposal().partialReason()).isEqualTo(PartialReason.ABANDONMENT);
        assertThat(validated.recordProgress("e", new BilanProgress.Ended(end, BilanOutcome.INTERRUPTED,
                Duration.ofMinutes(1199), 0)).exitProposal()).satisfies(exit -> {
                    assertThat(exit.partialReason()).isEqualTo(PartialReason.FORCE_MAJEURE);
                    assertThat(exit.completionPercent()).isEqualTo(99);
                });
    }

    @Test
    void aDossierGoesAllTheWayToTheServiceDoneValidatedEachDeadlineFromTheRightDay() {
        LocalDate end = LocalDate.of(2026, 3, 13);
        CpfDossier inTraining = step(step(validated(), CpfStepInput.of(CpfState.ACCEPTED, LocalDate.of(2026, 3, 4))),
                CpfStepInput.of(CpfState.IN_TRAINING, LocalDate.of(2026, 3, 5)))
                .recordProgress("end", new BilanProgress.Ended(end, BilanOutcome.COMPLETED, Duration.ofHours(20), 0));
        // the exit and the service fait are both due 3 working days after the end of the action
        assertThat(inTraining.deadlines(LYON)).extracting(CpfDeadline::action, CpfDeadline::dueDate)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DeadlineAction.DECLARE_EXIT,
                        LocalDate.of(2026, 3, 18)), org.assertj.core.groups.Tuple.tuple(
                                DeadlineAction.DECLARE_SERVICE_DONE, LocalDate.of(2026, 3, 18)));

        CpfDossier terminated = step(inTraining, CpfStepInput.of(CpfState.TERMINATED, null));
        assertThat(terminated.history().get(4).date()).isEqualTo(end);
        CpfDossier declared = step(terminated, CpfStepInput.of(CpfState.SERVICE_DONE_DECLARED,
                LocalDate.of(2026, 3, 19)));
        assertThat(declared.history().get(5)).satisfies(late -> {
            assertThat(late.late()).isTrue();
            assertThat(late.workingDaysLate()).isEqualTo(1);
        });
        assertThat(declared.deadlines(LYON)).containsExactly(new CpfDeadline(DeadlineAction.SERVICE_DONE_VALIDATION,
                DeadlineOwner.FINANCER, LocalDate.of(2026, 3, 26)));
        CpfDossier paid = step(declared, CpfStepInput.of(CpfState.SERVICE_DONE_VALIDATED, TODAY));

        assertThat(paid.isOpen()).isFalse();
        assertThat(paid.deadlines(LYON)).isEmpty();
        assertThat(paid.history()).extracting(CpfStep::state).containsExactly(CpfState.NOT_PROCESSED,
                CpfState.VALIDATED, CpfState.ACCEPTED, CpfState.IN_TRAINING, CpfState.TERMINATED,
                CpfState.SERVICE_DONE_DECLARED, CpfState.SERVICE_DONE_VALIDATED);
    }

    @Test
    void progressEventsAreRememberedBoundedTheNewestKept() {
        CpfDossier dossier = validated();
        for (int i = 0; i < CpfDossier.MAX_EVENTS + 5; i++) {
            dossier = dossier.recordProgress("event-" + i, new BilanProgress.Started(LocalDate.of(2026, 3, 18)));
        }
        assertThat(dossier.processedEvents()).hasSize(CpfDossier.MAX_EVENTS)
                .contains("event-" + (CpfDossier.MAX_EVENTS + 4)).doesNotContain("event-0");
    }

    @Test
    void aStepRecordedUnderARequestKeyIsRecognised() {
        CpfDossier dossier = opened(MONDAY).recordStep(CpfStepInput.of(CpfState.REFUSED_BY_CENTRE, MONDAY), LYON, TODAY,
                NOW, "consultant-1", StepSource.STAFF, "key-1");
        assertThat(dossier.recorded("key-1")).isTrue();
        assertThat(dossier.recorded("key-2")).isFalse();
        assertThat(dossier.recorded(null)).isFalse();
    }
}
