package fr.bilan.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.time.ProtoTime;

class AccessRecordQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Optional<Timestamp> JANUARY = at(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aCentrePeriodEndsNowWhenNotAskedAndPagesDefaultTo50() {
        AccessRecordQuery query = AccessRecordQuery.of("", "centre-lyon", JANUARY, Optional.empty(), 0, "", NOW);

        assertThat(query.byCentre()).isTrue();
        assertThat(query.end()).contains(NOW);
        assertThat(query.pageSize()).isEqualTo(50);
        assertThat(AccessRecordQuery.of("b-1", "", Optional.empty(), Optional.empty(), 10_000, "", NOW))
                .satisfies(byBeneficiary -> {
                    assertThat(byBeneficiary.byCentre()).isFalse();
                    assertThat(byBeneficiary.end()).isEmpty();
                    assertThat(byBeneficiary.pageSize()).isEqualTo(500);
                });
    }

    @Test
    void namesEachFieldAtFault() {
        assertThat(errors("", "", Optional.empty(), Optional.empty()))
                .containsExactly("beneficiary_id: Indiquez un bénéficiaire ou un centre.",
                        "centre_id: Indiquez un bénéficiaire ou un centre.");
        assertThat(errors("b-1", "centre-lyon", Optional.empty(), Optional.empty()))
                .containsExactly("beneficiary_id: Indiquez soit un bénéficiaire, soit un centre, pas les deux.",
                        "centre_id: Indiquez soit un bénéficiaire, soit un centre, pas les deux.");
        assertThat(errors("", "centre-lyon", Optional.empty(), Optional.empty())).containsExactly(
                "start_time: Indiquez le début de la période : il est obligatoire pour les accès d'un centre.");
        assertThat(errors("b-1", "", JANUARY, JANUARY))
                .containsExactly("end_time: La fin de la période doit être après son début.");
    }

    @Test
    void refusesTimesNoTimestampHoldsWithoutJudgingThePeriod() {
        Optional<Timestamp> year10000 = Optional.of(Timestamp.newBuilder().setSeconds(253_402_300_800L).build());
        Optional<Timestamp> badNanos = Optional.of(Timestamp.newBuilder().setSeconds(0).setNanos(-1).build());

        assertThat(errors("", "centre-lyon", JANUARY, year10000))
                .containsExactly("end_time: Date invalide : elle doit être comprise entre l'an 1 et l'an 9999.");
        assertThat(errors("b-1", "", badNanos, Optional.empty()))
                .containsExactly("start_time: Date invalide : elle doit être comprise entre l'an 1 et l'an 9999.");
    }

    @Test
    void aCentrePeriodLastsAtMost366Days() {
        Instant start = NOW.minus(Duration.ofDays(366));

        assertThat(AccessRecordQuery.of("", "centre-lyon", at(start), Optional.empty(), 0, "", NOW).start())
                .contains(start);
        assertThat(errors("", "centre-lyon", at(start.minusSeconds(1)), Optional.empty()))
                .containsExactly("start_time: La période ne peut pas dépasser 366 jours : découpez-la.");
        assertThat(errors("", "centre-lyon", at(start.minusSeconds(1)), at(NOW)))
                .containsExactly("end_time: La période ne peut pas dépasser 366 jours : découpez-la.");
        // a beneficiary's own accesses are listed over any period
        assertThat(AccessRecordQuery.of("b-1", "", at(start.minus(Duration.ofDays(900))), Optional.empty(),
                0, "", NOW).start()).isPresent();
    }

    @Test
    void aTokenResumesTheSameFiltersOnlyWhateverNowIs() {
        AccessRecordQuery first = AccessRecordQuery.of("", "centre-lyon", JANUARY, Optional.empty(), 2, "", NOW);
        var last = new AccessRecordQuery.Position(Instant.parse("2026-03-04T05:06:07.089Z"), "id-7");
        String token = first.tokenAfter(last);

        assertThat(AccessRecordQuery.of("", "centre-lyon", JANUARY, Optional.empty(), 2, token, NOW.plusSeconds(60))
                .after()).contains(last);
        assertThat(errorsWithToken("", "centre-paris", JANUARY, Optional.empty(), token)).singleElement().asString()
                .startsWith("page_token: ").contains("d'autres filtres");
        assertThat(errorsWithToken("", "centre-lyon", JANUARY, at(NOW), token)).singleElement().asString()
                .startsWith("page_token: ");
        assertThat(errorsWithToken("centre-lyon", "", JANUARY, Optional.empty(), token)).singleElement().asString()
                .startsWith("page_token: ");
    }

    private static java.util.List<String> errors(String beneficiaryId, String centreId, Optional<Timestamp> start,
            Optional<Timestamp> end) {
        return errorsWithToken(beneficiaryId, centreId, start, end, "");
    }

    private static java.util.List<String> errorsWithToken(String beneficiaryId, String centreId,
            Optional<Timestamp> start, Optional<Timestamp> end, String token) {
        return FieldErrors.of(() -> AccessRecordQuery.of(beneficiaryId, centreId, start, end, 0, token, NOW));
    }

    private static Optional<Timestamp> at(Instant time) {
        return Optional.of(ProtoTime.of(time));
    }
}
