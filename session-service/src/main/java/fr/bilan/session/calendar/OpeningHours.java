package fr.bilan.session.calendar;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One range of a day in local time, [opens, closes): when a centre is open, or when a consultant
 * receives.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("hours close after they open: " + opens + "-" + closes);
        }
    }

    /** Whether a session from {@code start} to {@code end}, the same local day, fits within it. */
    boolean holds(LocalTime start, LocalTime end) {
        return !start.isBefore(opens) && !end.isAfter(closes);
    }

    /** Whether a session from {@code start} to {@code end} (local times) fits within one of a day's ranges. */
    static boolean anyHolds(List<OpeningHours> day, ZonedDateTime start, ZonedDateTime end) {
        return start.toLocalDate().equals(end.toLocalDate())
                && day.stream().anyMatch(range -> range.holds(start.toLocalTime(), end.toLocalTime()));
    }

    /**
     * The ranges sorted, those that overlap or touch made one: 09:00–12:00 and 12:00–14:00 hold a
     * session from 11:00 to 13:00.
     */
    static List<OpeningHours> merged(Collection<OpeningHours> ranges) {
        List<OpeningHours> merged = new ArrayList<>();
        for (OpeningHours range : ranges.stream().sorted(Comparator.comparing(OpeningHours::opens)).toList()) {
            int last = merged.size() - 1;
            if (last >= 0 && !range.opens().isAfter(merged.get(last).closes())) {
                LocalTime closes = range.closes().isAfter(merged.get(last).closes()) ? range.closes()
                        : merged.get(last).closes();
                merged.set(last, new OpeningHours(merged.get(last).opens(), closes));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    /** Refuses ranges of one day that overlap: declared hours say each time once. */
    public static void requireDisjoint(List<OpeningHours> day) {
        List<OpeningHours> sorted = day.stream().sorted(Comparator.comparing(OpeningHours::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                throw new IllegalArgumentException("overlapping hours: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
    }
}
