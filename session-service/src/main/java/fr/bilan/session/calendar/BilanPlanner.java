package fr.bilan.session.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import fr.bilan.support.refusal.RuleRefusal;


/**
 * Plans the rest of a bilan: the sessions its shape still lacks, phase after phase, each phase's
 * sessions after the previous phases' last one, placed one by one by a {@link SlotFinder} so that
 * every rule holds (each placed session is busy, and counts for the centre's rules, for the next).
 */
public final class BilanPlanner {

    private final SlotFinder finder;
    private final PlanShape shape;

    public BilanPlanner(SlotFinder finder, PlanShape shape) {
        this.finder = finder;
        this.shape = shape;
    }

    /**
     * The sessions to propose, in time order. A phase gets none once a later phase has begun. When
     * the shape does not fit the counted hours left, it is shrunk: sessions are dropped, one at a
     * time, from the phase that has the most (the earliest on a tie), none below one session.
     *
     * @param sessions the bilan's sessions so far, whatever became of them
     * @param busy     the consultant's, the beneficiary's and, on site, the room's sessions
     * @param from     where the plan may start, at the earliest
     * @throws RuleRefusal when even one session per phase left does not fit the hours left, or when a
     *                 session finds no slot within the finder's horizon
     * @throws BelowFloor  when the plan proposes sessions of the action yet leaves it below the 13 hours
     *                     of accompaniment it needs to end as completed
     */
    public List<ProposedSession> plan(List<BilanSession> sessions, BusyTimes busy, Instant from) {
        HourBudget budget = HourBudget.of(sessions.stream().map(BilanSession::hours).toList());
        Duration remaining = budget.remaining();
        int[] toPlace = sessionsToPlace(sessions, remaining);
        checkReachesFloor(budget, toPlace);
        List<Slot> bilanSessions = new ArrayList<>(
                sessions.stream().filter(BilanSession::takesPlace).map(BilanSession::slot).toList());
        List<ProposedSession> plan = new ArrayList<>();
        BusyTimes taken = busy;
        Instant cursor = from;
        for (int index = 0; index < toPlace.length; index++) {
            PlanShape.PhaseSessions part = shape.phases().get(index);
            cursor = sessions.stream()
                    .filter(session -> session.takesPlace() && session.phase().compareTo(part.phase()) < 0)
                    .map(session -> session.slot().end()).reduce(cursor, BilanPlanner::latest);
            for (int i = 0; i < toPlace[index]; i++) {
                Instant notBefore = cursor;
                Slot slot = finder.next(new SlotRequest(part.phase(), part.duration(), notBefore, remaining, taken,
                        bilanSessions), 1).stream().findFirst().orElseThrow(() -> noSlot(part, notBefore));
                plan.add(new ProposedSession(part.phase(), slot));
                taken = taken.with(slot);
                bilanSessions.add(slot);
                if (part.phase().counted()) {
                    remaining = remaining.minus(part.duration());
                }
                cursor = slot.end();
            }
        }
        return List.copyOf(plan);
    }

    /** Per part of the shape, how many sessions to place: what it still lacks, shrunk to fit {@code remaining}. */
    private int[] sessionsToPlace(List<BilanSession> sessions, Duration remaining) {
        List<PlanShape.PhaseSessions> parts = shape.phases();
        int[] held = new int[parts.size()];
        int[] toPlace = new int[parts.size()];
        List<BilanSession> counting = sessions.stream().filter(session -> session.status().usesHours()).toList();
        for (int index = 0; index < parts.size(); index++) {
            Phase phase = parts.get(index).phase();
            held[index] = (int) counting.stream().filter(session -> session.phase() == phase).count();
            boolean laterBegun = counting.stream().anyMatch(session -> session.phase().compareTo(phase) > 0);
            toPlace[index] = laterBegun ? 0 : Math.max(0, parts.get(index).sessions() - held[index]);
        }
        while (countedHours(toPlace).compareTo(remaining) > 0) {
            int drop = -1;
            for (int index = 0; index < parts.size(); index++) {
                int total = held[index] + toPlace[index];
                if (parts.get(index).phase().counted() && toPlace[index] > 0 && total > 1
                        && (drop < 0 || total > held[drop] + toPlace[drop])) {
                    drop = index;
                }
            }
            if (drop < 0) {
                throw tooFewHours(toPlace, remaining);
            }
            toPlace[drop]--;
        }
        return toPlace;
    }

    private Duration countedHours(int[] toPlace) {
        return hours(toPlace, Phase::counted);
    }

    private Duration hours(int[] toPlace, Predicate<Phase> phases) {
        return IntStream.range(0, toPlace.length).filter(index -> phases.test(shape.phases().get(index).phase()))
                .mapToObj(index -> shape.phases().get(index).duration().multipliedBy(toPlace[index]))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Refuses a plan whose sessions of the action, with the ones already planned or attended, stay
     * below the floor: booked as proposed and all attended, the bilan still could not end as
     * completed. A plan that proposes no session of the action has no length to change: it passes.
     */
    private void checkReachesFloor(HourBudget budget, int[] toPlace) {
        int proposed = IntStream.range(0, toPlace.length)
                .filter(index -> shape.phases().get(index).phase().ofTheAction()).map(index -> toPlace[index]).sum();
        if (proposed == 0) {
            return;
        }
        Duration booked = Arrays.stream(Phase.values()).filter(Phase::ofTheAction)
                .map(phase -> budget.of(phase).used()).reduce(Duration.ZERO, Duration::plus);
        Duration total = booked.plus(hours(toPlace, Phase::ofTheAction));
        if (total.compareTo(HourBudget.FLOOR) < 0) {
            long missingMinutes = HourBudget.FLOOR.minus(booked).toMinutes();
            Duration enough = Duration.ofMinutes((missingMinutes + proposed - 1) / proposed);
            throw new BelowFloor(HourBudget.FLOOR_RULE + " : avec ses " + proposed + " séances, ce plan en prévoit "
                    + FrenchDurations.format(total) + " en tout (séances déjà prévues ou effectuées comprises) ; "
                    + "des séances d'au moins " + FrenchDurations.format(enough) + " l'atteignent.");
        }
    }

    /** When even the first session of each phase left is too much: each of those is a single session. */
    private RuleRefusal tooFewHours(int[] toPlace, Duration remaining) {
        String sessions = IntStream.range(0, toPlace.length)
                .filter(index -> toPlace[index] > 0 && shape.phases().get(index).phase().counted())
                .mapToObj(index -> shape.phases().get(index).phase().frenchName() + " : une séance de "
                        + FrenchDurations.format(shape.phases().get(index).duration()))
                .collect(Collectors.joining(", "));
        return new RuleRefusal(HourBudget.CAP_RULE + " : il en reste " + FrenchDurations.format(remaining)
                + ", et les séances qui restent à prévoir en demandent au moins "
                + FrenchDurations.format(countedHours(toPlace)) + " (" + sessions + ").");
    }

    private RuleRefusal noSlot(PlanShape.PhaseSessions part, Instant from) {
        return new RuleRefusal("Aucun créneau ne convient pour une séance de " + FrenchDurations.format(part.duration())
                + " (" + part.phase().frenchName() + ") entre le "
                + FrenchDates.day(from.atZone(finder.zone()).toLocalDate()) + " et le "
                + FrenchDates.day(finder.horizonEnd(from).atZone(finder.zone()).toLocalDate())
                + " : les règles du centre, les disponibilités du consultant et les séances déjà prévues "
                + "(consultant, bénéficiaire, salle) n'en laissent aucun.");
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A plan too short for the 13-hour floor: the length of its sessions is what to change. */
    public static final class BelowFloor extends RuleRefusal {

        BelowFloor(String frenchReason) {
            super(frenchReason);
        }
    }
}
