package fr.bilan.beneficiary.statistics;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.security.Caller;

/**
 * What a statistics request covers: the centres the caller oversees (all for the network admin,
 * {@code centres} empty meaning all), and a registration period {@code [start, end)}.
 */
record StatisticsQuery(Optional<Set<String>> centres, Optional<Instant> start, Optional<Instant> end) {

    /**
     * @param centreId the centre asked for; empty for all the caller oversees
     */
    static StatisticsQuery of(Caller caller, String centreId, Optional<Instant> start, Optional<Instant> end) {
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw InvalidFields.of("end_time", "La fin de la période doit suivre son début.");
        }
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            return new StatisticsQuery(centreId.isEmpty() ? Optional.empty() : Optional.of(Set.of(centreId)), start,
                    end);
        }
        // a centre manager: their centres only
        if (!centreId.isEmpty() && !caller.centres().contains(centreId)) {
            throw new Forbidden("Vous n'avez accès qu'aux chiffres de vos centres.");
        }
        return new StatisticsQuery(Optional.of(centreId.isEmpty() ? caller.centres() : Set.of(centreId)), start, end);
    }
}
