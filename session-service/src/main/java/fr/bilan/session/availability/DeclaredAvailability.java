package fr.bilan.session.availability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.session.calendar.ConsultantAvailability.SpecialDay;
import fr.bilan.session.calendar.ConsultantAvailability;
import fr.bilan.session.calendar.OpeningHours;

/**
 * A consultant's availability as they declared it (what is stored and shown back), with its version;
 * {@link #availability()} is what the calendar checks.
 *
 * @param version 0 when never declared
 */
public record DeclaredAvailability(String consultantId, Map<DayOfWeek, List<OpeningHours>> weeklyHours,
        List<Absence> absences, List<SpecialDay> specialDays, Instant updateTime, long version) {

    public DeclaredAvailability {
        weeklyHours = Map.copyOf(weeklyHours);
        absences = List.copyOf(absences);
        specialDays = List.copyOf(specialDays);
    }

    static DeclaredAvailability undeclared(String consultantId) {
        return new DeclaredAvailability(consultantId, Map.of(), List.of(), List.of(), null, 0);
    }

    public ConsultantAvailability availability() {
        return new ConsultantAvailability(weeklyHours, absences, specialDays);
    }
}
