package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "06 12 34 56 78,       +33612345678",
            "01.23.45.67.89,       +33123456789",
            "+33 6 12 34 56 78,    +33612345678",
            "0033 612345678,       +33612345678",
            "(+32) 2 123 45 67,    +3221234567",
            "+1 415-555-0132,      +14155550132",
            // overseas departments dial under their own country codes
            "0262 12 34 56,        +262262123456",
            "0692 12 34 56,        +262692123456",
            "0269 61 23 45,        +262269612345",
            "0590 12 34 56,        +590590123456",
            "0696 12 34 56,        +596696123456",
            "0594 12 34 56,        +594594123456"})
    void writesNumbersInE164(String written, String e164) {
        assertThat(PhoneNumber.toE164(written)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "06 12 34 56", "06 12 34 56 78 90", "+33 06 12 34 56 78", "+33 6 12 34 56",
            "+0 123 456 789", "+1234567890123456", "06-12-34-56-7a", "téléphone"})
    void refusesWhatIsNotANumber(String written) {
        assertThat(PhoneNumber.toE164(written)).isEmpty();
    }
}
