package fr.bilan.session.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Times already taken (the consultant's, the beneficiary's and the room's sessions, or a
 * consultant's absences), sorted and merged once so that asking whether a slot is free is a binary
 * search: a year of sessions is some 1,500 slots, and a finder asks for each candidate.
 */
public final class BusyTimes {

    public static final BusyTimes NONE = new BusyTimes(new Instant[0], new Instant[0]);

    /** Disjoint stretches [starts[i], ends[i]), in time order: ends are in order too. */
    private final Instant[] starts;
    private final Instant[] ends;

    private BusyTimes(Instant[] starts, Instant[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** From slots in any order, overlapping or not (two calendars may hold the same session). */
    public static BusyTimes of(Collection<Slot> slots) {
        List<Slot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparing(Slot::start));
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (Slot slot : sorted) {
            int last = ends.size() - 1;
            if (last >= 0 && !slot.start().isAfter(ends.get(last))) {
                if (slot.end().isAfter(ends.get(last))) {
                    ends.set(last, slot.end());
                }
            } else {
                starts.add(slot.start());
                ends.add(slot.end());
            }
        }
        return new BusyTimes(starts.toArray(Instant[]::new), ends.toArray(Instant[]::new));
    }

    /** These times and {@code slot}: a session just placed. */
    public BusyTimes with(Slot slot) {
        List<Slot> slots = new ArrayList<>(starts.length + 1);
        for (int i = 0; i < starts.length; i++) {
            slots.add(new Slot(starts[i], Duration.between(starts[i], ends[i])));
        }
        slots.add(slot);
        // already sorted but for one: the sort is close to linear on such input
        return of(slots);
    }

    public boolean isFree(Slot slot) {
        return blockedUntil(slot).isEmpty();
    }

    /**
     * When {@code slot} overlaps a busy stretch, the end of it: no slot of the same length starting
     * between {@code slot}'s start and that end is free either.
     */
    public Optional<Instant> blockedUntil(Slot slot) {
        // the last stretch starting before the slot ends is the only one that may overlap it
        int found = Arrays.binarySearch(starts, slot.end());
        int last = found >= 0 ? found - 1 : -found - 2;
        if (last >= 0 && ends[last].isAfter(slot.start())) {
            return Optional.of(ends[last]);
        }
        return Optional.empty();
    }
}
