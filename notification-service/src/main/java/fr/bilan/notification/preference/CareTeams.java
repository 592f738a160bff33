package fr.bilan.notification.preference;

import java.util.Optional;

/** Asks beneficiary-service who looks after a beneficiary; empty when unknown or erased. */
public interface CareTeams {

    Optional<CareTeam> of(String beneficiaryId);
}
