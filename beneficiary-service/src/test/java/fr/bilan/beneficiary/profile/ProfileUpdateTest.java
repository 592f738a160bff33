package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.InvalidFields;

class ProfileUpdateTest {

    private static final BeneficiaryProfile CURRENT = new BeneficiaryProfile("centre-lyon", "Élodie", "Durand",
            "elodie@example.fr", "", EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, "");
    private static final BeneficiaryProfile REQUESTED = new BeneficiaryProfile("centre-paris", "Élo", "Martin",
            "", "0612345678", EmploymentStatus.JOB_SEEKER, "");

    @Test
    void changesOnlyTheMaskedFields() {
        BeneficiaryProfile changed = new ProfileUpdate(REQUESTED, List.of("family_name", "phone", "employment_status"))
                .applyTo(CURRENT);

        assertThat(changed).isEqualTo(new BeneficiaryProfile("centre-lyon", "Élodie", "Martin", "elodie@example.fr",
                "+33612345678", EmploymentStatus.JOB_SEEKER, ""));
    }

    @Test
    void validatesTheResultAsAWhole() {
        assertThatThrownBy(() -> new ProfileUpdate(REQUESTED, List.of("email")).applyTo(CURRENT))
                .isInstanceOf(InvalidFields.class);
    }

    @Test
    void refusesAnEmptyMaskAndFieldsThatCannotChange() {
        for (List<String> paths : List.of(List.<String>of(), List.of("centre_id"), List.of("given_name", "etag"),
                List.of("givenName"), List.of("create_time"))) {
            assertThatThrownBy(() -> new ProfileUpdate(REQUESTED, paths))
                    .as(paths.toString())
                    .isInstanceOf(InvalidFields.class);
        }
    }
}
