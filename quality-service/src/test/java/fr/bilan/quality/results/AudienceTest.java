package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.Forbidden;

/** Whose results a caller reaches: the network reaches all, a manager their centres only. */
class AudienceTest {

    @ParameterizedTest(name = "network {0}, centres [{1}], asking \"{2}\": {3}")
    @CsvSource({
        "true, '', '', true",
        "true, '', centre-lyon, true",
        "false, centre-lyon, centre-lyon, true",
        "false, centre-lyon;centre-gap, centre-gap, true",
        "false, centre-lyon, centre-gap, false",
        "false, centre-lyon, '', false",
        "false, '', centre-lyon, false",
        "false, '', '', false",
    })
    void aCallerReachesTheNetworkOrTheirCentres(boolean network, String centres, String asked, boolean reached) {
        Audience audience = new Audience(network, centres.isEmpty() ? Set.of() : Set.of(centres.split(";")));

        if (reached) {
            assertThatCode(() -> audience.check(asked)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> audience.check(asked)).isInstanceOf(Forbidden.class);
        }
    }
}
