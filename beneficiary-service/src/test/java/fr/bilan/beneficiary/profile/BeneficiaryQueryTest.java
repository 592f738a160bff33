package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class BeneficiaryQueryTest {

    private static final Set<String> CENTRES = Set.of("centre-lyon");
    private static final Set<EmploymentStatus> SEEKERS = Set.of(EmploymentStatus.JOB_SEEKER);

    @Test
    void aTokenResumesAfterTheLastPositionOfTheSameFilters() {
        BeneficiaryQuery first = BeneficiaryQuery.of("", CENTRES, SEEKERS, "Dur", 10, "");
        var last = new BeneficiaryQuery.Position("durand", "elodie", "id-9");

        BeneficiaryQuery next = BeneficiaryQuery.of("", CENTRES, SEEKERS, " dur ", 25, first.tokenAfter(last));

        assertThat(next.after()).contains(last);
        assertThat(next.pageSize()).isEqualTo(25);
        assertThat(next.namePrefix()).isEqualTo("dur");
    }

    @Test
    void pageSizeDefaultsAndIsCapped() {
        assertThat(BeneficiaryQuery.of("", CENTRES, Set.of(), "", 0, "").pageSize()).isEqualTo(50);
        assertThat(BeneficiaryQuery.of("", CENTRES, Set.of(), "", 10_000, "").pageSize()).isEqualTo(200);
    }

    @Test
    void refusesATokenMadeForOtherFiltersOrNotMadeHere() {
        String token = BeneficiaryQuery.of("", CENTRES, SEEKERS, "", 10, "")
                .tokenAfter(new BeneficiaryQuery.Position("a", "b", "c"));

        for (Runnable call : new Runnable[] {
                () -> BeneficiaryQuery.of("", CENTRES, Set.of(), "", 10, token),
                () -> BeneficiaryQuery.of("centre-lyon", CENTRES, SEEKERS, "", 10, token),
                () -> BeneficiaryQuery.of("", CENTRES, SEEKERS, "x", 10, token),
                () -> BeneficiaryQuery.of("", CENTRES, SEEKERS, "", 10, "not-a-token!"),
                () -> BeneficiaryQuery.of("", CENTRES, SEEKERS, "", 10, "AAAA"),
                () -> BeneficiaryQuery.of("", CENTRES, SEEKERS, "", -1, "")}) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        }
    }
}
