package fr.bilan.bench;

import java.util.List;
import java.util.UUID;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;

/**
 * Made-up beneficiaries with the spread of a real centre: common French family names (so a name
 * prefix matches a few percent of them), every employment status, an address unique to the run.
 */
final class People {

    static final List<String> FAMILY_NAMES = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
            "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
            "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
            "Chevalier", "François", "Legrand", "Gauthier", "Garcia");
    private static final List<String> GIVEN_NAMES = List.of("Élodie", "Camille", "Léa", "Manon", "Chloé", "Inès",
            "Sarah", "Julie", "Nathalie", "Sophie", "Lucas", "Hugo", "Thomas", "Nicolas", "Julien", "Karim",
            "Mehdi", "Antoine", "Pierre", "Jérôme");
    private static final EmploymentStatus[] STATUSES = { EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE,
            EmploymentStatus.PUBLIC_SECTOR_AGENT, EmploymentStatus.JOB_SEEKER, EmploymentStatus.SELF_EMPLOYED,
            EmploymentStatus.OTHER };

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String centreId;

    People(String centreId) {
        this.centreId = centreId;
    }

    /** The n-th person of this run; n also picks name and status, so any n gives a fresh address. */
    Beneficiary person(long n) {
        String family = FAMILY_NAMES.get((int) (n % FAMILY_NAMES.size()));
        String given = GIVEN_NAMES.get((int) ((n / FAMILY_NAMES.size()) % GIVEN_NAMES.size()));
        return Beneficiary.newBuilder()
                .setCentreId(centreId)
                .setGivenName(given)
                .setFamilyName(family)
                .setEmail("bench-" + run + "-" + n + "@example.fr")
                .setEmploymentStatus(STATUSES[(int) ((n / 7) % STATUSES.length)])
                .build();
    }
}
