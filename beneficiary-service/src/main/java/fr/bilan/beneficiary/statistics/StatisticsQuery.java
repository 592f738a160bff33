package fr.bilan.beneficiary.statistics;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.beneficiary.v1.GetBeneficiaryStatisticsRequest;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * What a statistics request covers: the centres the caller oversees (all for the network admin,
 * {@code centres} empty meaning all), and a registration period {@code [start, end)}.
 */
record StatisticsQuery(Optional<Set<String>> centres, Optional<Instant> start, Optional<Instant> end) {

    static final String NETWORK_ADMIN = "network-admin";

    static StatisticsQuery of(Caller caller, GetBeneficiaryStatisticsRequest request) {
        FieldViolations violations = new FieldViolations();
        Optional<Instant> start = ProtoTime.toInstant("start_time",
                request.hasStartTime() ? Optional.of(request.getStartTime()) : Optional.empty(), violations);
        Optional<Instant> end = ProtoTime.toInstant("end_time",
                request.hasEndTime() ? Optional.of(request.getEndTime()) : Optional.empty(), violations);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            violations.add("end_time", "La fin de la période doit suivre son début.");
        }
        violations.throwIfAny();
        String centre = request.getCentreId();
        if (caller.hasRole(NETWORK_ADMIN)) {
            return new StatisticsQuery(centre.isEmpty() ? Optional.empty() : Optional.of(Set.of(centre)), start, end);
        }
        // a centre manager: their centres only
        if (!centre.isEmpty() && !caller.centres().contains(centre)) {
            throw Status.PERMISSION_DENIED.withDescription("Vous n'avez accès qu'aux chiffres de vos centres.")
                    .asRuntimeException();
        }
        return new StatisticsQuery(Optional.of(centre.isEmpty() ? caller.centres() : Set.of(centre)), start, end);
    }
}
