package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

class NewBeneficiaryTest {

    @Test
    void keepsSpellingButTrimsSpaces() {
        NewBeneficiary beneficiary = new NewBeneficiary(" centre-1 ", " Anne-Sophie ", " N'Diaye ", " a.b@exemple.fr ")
                .validate("beneficiary.");

        assertThat(beneficiary).isEqualTo(new NewBeneficiary("centre-1", "Anne-Sophie", "N'Diaye", "a.b@exemple.fr"));
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        assertThatThrownBy(() -> new NewBeneficiary("", null, "x".repeat(101), "sans-arobase.fr").validate("beneficiary."))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(violations(e)).containsExactly(
                            "beneficiary.centre_id: Ce champ est obligatoire.",
                            "beneficiary.given_name: Ce champ est obligatoire.",
                            "beneficiary.family_name: Ce champ ne doit pas dépasser 100 caractères.",
                            "beneficiary.email: Adresse e-mail invalide.");
                });
    }

    @Test
    void refusesAddressesWithoutADomainOrWithSpaces() {
        for (String email : new String[] {"a@b", "a b@c.fr", "a@@c.fr", "@c.fr", "a@c.", "a@.fr"}) {
            assertThatThrownBy(() -> new NewBeneficiary("c", "A", "B", email).validate(""))
                    .as(email)
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(violations(e)).containsExactly("email: Adresse e-mail invalide."));
        }
    }

    private static java.util.List<String> violations(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream()
                .flatMap(detail -> {
                    try {
                        return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                        throw new AssertionError(ex);
                    }
                })
                .map(v -> v.getField() + ": " + v.getDescription())
                .toList();
    }
}
