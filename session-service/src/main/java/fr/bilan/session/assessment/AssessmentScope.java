package fr.bilan.session.assessment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * Which bilans a caller lists: a manager those of their centres (or the one asked, if theirs), a
 * consultant those assigned to them in their centres, a beneficiary their own; in the states asked
 * (all when none). The repository turns it into its query.
 *
 * @param centres    the centres the bilans are in; empty for a beneficiary's own, wherever they are
 * @param consultant the consultant leading them, for a consultant's list
 * @param account    the beneficiary's login, for a beneficiary's list
 */
public record AssessmentScope(Set<String> centres, Optional<String> consultant, Optional<String> account,
        List<AssessmentState> states) {

    public AssessmentScope {
        centres = Set.copyOf(centres);
        states = List.copyOf(states);
    }

    /** What {@code caller} lists, in {@code centreId} when given (one of theirs), in {@code states}. */
    public static AssessmentScope of(Caller caller, String centreId, List<AssessmentState> states) {
        if (!centreId.isEmpty() && !caller.centres().contains(centreId)) {
            throw new Forbidden("Vous n'avez accès qu'aux bilans de vos centres.");
        }
        Set<String> centres = centreId.isEmpty() ? caller.centres() : Set.of(centreId);
        if (caller.hasRole(Role.CENTRE_MANAGER)) {
            return new AssessmentScope(centres, Optional.empty(), Optional.empty(), states);
        }
        if (caller.hasRole(Role.CONSULTANT)) {
            return new AssessmentScope(centres, Optional.of(caller.subject()), Optional.empty(), states);
        }
        return new AssessmentScope(Set.of(), Optional.empty(), Optional.of(caller.subject()), states);
    }
}
