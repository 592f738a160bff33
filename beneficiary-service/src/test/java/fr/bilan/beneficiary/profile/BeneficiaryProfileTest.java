package fr.bilan.beneficiary.profile;

import static fr.bilan.beneficiary.RefusalAssertions.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.InvalidFields;

class BeneficiaryProfileTest {

    private static BeneficiaryProfile withEmailAndPhone(String email, String phone) {
        return new BeneficiaryProfile("c", "A", "B", email, phone, EmploymentStatus.JOB_SEEKER, "");
    }

    @Test
    void keepsSpellingButTrimsSpacesAndWritesThePhoneInE164() {
        BeneficiaryProfile beneficiary = new BeneficiaryProfile(" centre-1 ", " Anne-Sophie ", " N'Diaye ",
                " a.b@exemple.fr ", " 06 12 34 56 78 ", EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, null)
                .validate("beneficiary.");

        assertThat(beneficiary).isEqualTo(new BeneficiaryProfile("centre-1", "Anne-Sophie", "N'Diaye",
                "a.b@exemple.fr", "+33612345678", EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, ""));
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        assertThatThrownBy(() -> new BeneficiaryProfile("", null, "x".repeat(101), "sans-arobase.fr", "12", null,
                "y".repeat(65)).validate("beneficiary."))
                .isInstanceOfSatisfying(InvalidFields.class, e -> {
                    assertThat(fieldErrors(e)).containsExactly(
                            "beneficiary.centre_id: Ce champ est obligatoire.",
                            "beneficiary.given_name: Ce champ est obligatoire.",
                            "beneficiary.family_name: Ce champ ne doit pas dépasser 100 caractères.",
                            "beneficiary.email: Adresse e-mail invalide.",
                            "beneficiary.phone: Numéro de téléphone invalide : indiquez un numéro français "
                                    + "(06 12 34 56 78) ou international (+32 2 123 45 67).",
                            "beneficiary.employment_status: Indiquez la situation professionnelle.",
                            "beneficiary.account_id: Ce champ ne doit pas dépasser 64 caractères.");
                });
    }

    @Test
    void aPhoneNumberIsOptional() {
        assertThat(withEmailAndPhone("a@b.fr", "").validate("").phone()).isEmpty();
    }

    @Test
    void refusesAddressesWithoutADomainOrWithSpaces() {
        for (String email : new String[] {"a@b", "a b@c.fr", "a@@c.fr", "@c.fr", "a@c.", "a@.fr"}) {
            assertThatThrownBy(() -> withEmailAndPhone(email, "").validate(""))
                    .as(email)
                    .isInstanceOfSatisfying(InvalidFields.class,
                            e -> assertThat(fieldErrors(e)).containsExactly("email: Adresse e-mail invalide."));
        }
    }
}
