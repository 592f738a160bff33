package fr.bilan.session.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.support.refusal.RuleRefusal;


/**
 * Finds the next free slots for a session of a bilan: within the centre's rules, when the consultant
 * receives, clear of every busy time, within the hours left. Starts are aligned on a step of the
 * centre's local time (09:00, 09:15…), so a slot keeps its local hour across daylight-saving changes.
 */
public final class SlotFinder {

    public static final int DEFAULT_COUNT = 5;
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(15);
    public static final Period DEFAULT_HORIZON = Period.ofWeeks(12);

    private final CentreRules rules;
    private final ConsultantAvailability consultant;
    private final long stepNanos;
    private final Period horizon;

    public SlotFinder(CentreRules rules, ConsultantAvailability consultant) {
        this(rules, consultant, DEFAULT_STEP, DEFAULT_HORIZON);
    }

    /** @param horizon how far from the request's start slots are looked for, in the centre's calendar */
    public SlotFinder(CentreRules rules, ConsultantAvailability consultant, Duration step, Period horizon) {
        if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofDays(1)) > 0 || horizon.isNegative()
                || horizon.isZero()) {
            throw new IllegalArgumentException("a step of a day at most, a horizon ahead: " + step + ", " + horizon);
        }
        this.rules = rules;
        this.consultant = consultant;
        this.stepNanos = step.toNanos();
        this.horizon = horizon;
    }

    /** The {@value #DEFAULT_COUNT} first slots, as {@link #next(SlotRequest, int)}. */
    public List<Slot> next(SlotRequest request) {
        return next(request, DEFAULT_COUNT);
    }

    /**
     * The first {@code count} slots from the request's start, starting within the horizon, that
     * every rule allows, in time order; fewer (none) when the horizon holds fewer. They do not overlap
     * one another: each is a choice of its own, not the same one a quarter of an hour later.
     *
     * @throws RuleRefusal when no slot could do: a length the centre does not allow, or more than the
     *                 hours left in a counted phase
     */
    public List<Slot> next(SlotRequest request, int count) {
        HourBudget.checkFits(request.phase(), request.duration(), request.remainingHours());
        rules.brokenLength(request.duration()).ifPresent(rule -> {
            throw new RuleRefusal("Une séance de " + FrenchDurations.format(request.duration())
                    + " ne respecte pas les règles du centre : " + rule + ".");
        });
        ZoneId zone = zone();
        Instant horizonEnd = horizonEnd(request.from());
        List<LocalDate> otherDays = rules.localDays(request.bilanSessions());
        List<Slot> found = new ArrayList<>();
        Instant cursor = request.from();
        while (found.size() < count) {
            Optional<Slot> candidate = firstCandidate(cursor, request.duration(), horizonEnd, otherDays);
            if (candidate.isEmpty()) {
                break;
            }
            Slot slot = candidate.get();
            Optional<Instant> blockedUntil = request.busy().blockedUntil(slot);
            if (blockedUntil.isPresent()) {
                cursor = blockedUntil.get();
            } else if (consultant.covers(slot, zone) && rules.broken(slot, request.bilanSessions()).isEmpty()) {
                found.add(slot);
                cursor = slot.end();
            } else {
                // the next aligned start
                cursor = slot.start().plusNanos(1);
            }
        }
        return List.copyOf(found);
    }

    ZoneId zone() {
        return rules.zone().zone();
    }

    /** Where the horizon from {@code from} ends: slots start before it. */
    Instant horizonEnd(Instant from) {
        return from.atZone(zone()).plus(horizon).toInstant();
    }

    /**
     * The first slot starting at {@code notBefore} or later, on the step, within the centre's opening
     * hours on a day its week cap and spacing allow; empty past the horizon. Busy times and the
     * consultant are for the caller to check.
     */
    private Optional<Slot> firstCandidate(Instant notBefore, Duration duration, Instant horizonEnd,
            List<LocalDate> otherDays) {
        ZoneId zone = zone();
        ZonedDateTime from = notBefore.atZone(zone);
        long length = duration.toNanos();
        for (LocalDate day = from.toLocalDate(); day.atStartOfDay(zone).toInstant().isBefore(horizonEnd);
                day = day.plusDays(1)) {
            if (!rules.allowsDay(day, otherDays)) {
                continue;
            }
            long earliest = day.equals(from.toLocalDate()) ? from.toLocalTime().toNanoOfDay() : 0;
            for (OpeningHours range : rules.openingHoursOn(day.getDayOfWeek())) {
                for (long time = alignUp(Math.max(earliest, range.opens().toNanoOfDay()));
                        time + length <= range.closes().toNanoOfDay(); time += stepNanos) {
                    LocalDateTime local = LocalDateTime.of(day, LocalTime.ofNanoOfDay(time));
                    ZonedDateTime start = local.atZone(zone);
                    // a local time the clock skips (spring) is no start; one it repeats (autumn) is
                    // offered at its first occurrence only
                    if (start.toLocalDateTime().equals(local) && !start.toInstant().isBefore(notBefore)) {
                        return start.toInstant().isBefore(horizonEnd)
                                ? Optional.of(new Slot(start.toInstant(), duration)) : Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private long alignUp(long nanoOfDay) {
        return (nanoOfDay + stepNanos - 1) / stepNanos * stepNanos;
    }
}
