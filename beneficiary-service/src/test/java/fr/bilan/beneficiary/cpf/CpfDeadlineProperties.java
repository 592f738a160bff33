package fr.bilan.beneficiary.cpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What holds of every deadline, whatever the day a dossier starts from and the centre's calendar. */
class CpfDeadlineProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 7 * 366).map(offset -> LocalDate.of(2024, 1, 1).plusDays(offset));
    }

    @Property
    void aDeadlineIsAlwaysAWorkingDayAfterItsStart(@ForAll("days") LocalDate received,
            @ForAll HolidayCalendar calendar) {
        CpfCentre centre = new CpfCentre(new WorkingDays(calendar), 0);
        CpfDossier dossier = CpfDossierTest.opened(received);

        CpfDeadline answer = dossier.nextDeadline(centre).orElseThrow();
        assertThat(centre.workingDays().isWorkingDay(answer.dueDate())).isTrue();
        assertThat(answer.dueDate()).isAfter(received);
        assertThat(centre.workingDays().between(received, answer.dueDate())).isEqualTo(2);
    }

    @Property
    void aStepAfterItsDeadlineIsLateByTheWorkingDaysInBetweenAtLeastOneAndOnTimeOtherwise(@ForAll("days") LocalDate received,
            @ForAll("offsets") int daysLater) {
        CpfCentre centre = CpfDossierTest.LYON;
        CpfDossier dossier = CpfDossierTest.opened(received);
        LocalDate due = dossier.nextDeadline(centre).orElseThrow().dueDate();
        LocalDate answered = received.plusDays(daysLater);

        CpfStep step = dossier.recordStep(CpfStepInput.of(CpfState.REFUSED_BY_CENTRE, answered), centre, answered,
                CpfDossierTest.NOW, "c", StepSource.STAFF, null).history().get(1);

        assertThat(step.dueDate()).isEqualTo(due);
        assertThat(step.late()).isEqualTo(answered.isAfter(due));
        assertThat(step.workingDaysLate()).isEqualTo(answered.isAfter(due)
                ? Math.max(1, centre.workingDays().between(due, answered)) : 0);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 30);
    }
}
