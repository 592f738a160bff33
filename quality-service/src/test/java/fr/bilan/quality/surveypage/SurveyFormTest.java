package fr.bilan.quality.surveypage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.refusal.InvalidFields;

class SurveyFormTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void readsTheAnswersAsTheBrowserEncodedThem() {
        SurveyForm form = SurveyForm.parse(FORM, bytes(
                "satisfaction=4&comment=Tr%C3%A8s+bien+%26+utile%C2%A0%21&empty=&followUpInterview=accept&action=submit"));

        assertThat(form.submit()).isTrue();
        assertThat(form.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("satisfaction", "4",
                "comment", "Très bien & utile\u00a0!", "empty", "", "followUpInterview", "accept"));
    }

    @ParameterizedTest(name = "{0} saves")
    @CsvSource(delimiter = '|', value = {
        "action=save&q=1",
        "q=1",
        "''"})
    void savesUnlessSubmitIsAsked(String body) {
        assertThat(SurveyForm.parse(FORM, bytes(body)).submit()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "application/x-www-form-urlencoded; charset=UTF-8",
        "Application/X-WWW-Form-Urlencoded",
        "application/x-www-form-urlencoded;charset=\"utf-8\""})
    void takesTheFormContentTypesBrowsersSend(String contentType) {
        assertThat(SurveyForm.parse(contentType, bytes("q=1")).answers()).containsEntry("q", "1");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "application/json|q=1|application/x-www-form-urlencoded",
        "''|q=1|application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=ISO-8859-1|q=1|application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded|q=%E9t%E9|UTF-8",
        "application/x-www-form-urlencoded|q=%C3|UTF-8",
        "application/x-www-form-urlencoded|q=%G1|invalide",
        "application/x-www-form-urlencoded|q=%4|invalide",
        "application/x-www-form-urlencoded|q=1&q=2|deux fois",
        "application/x-www-form-urlencoded|=1|sans nom",
        "application/x-www-form-urlencoded|action=delete|« save »",
        "application/x-www-form-urlencoded|followUpInterview=maybe|« accept »"})
    void refusesWhatIsNoStrictFormNamingTheRequestsForm(String contentType, String body, String said) {
        assertThatThrownBy(() -> SurveyForm.parse(contentType, bytes(body)))
                .isInstanceOfSatisfying(InvalidFields.class, refusal -> assertThat(refusal.violations())
                        .singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("form");
                            assertThat(violation.description()).contains(said);
                        }));
    }

    @Test
    void refusesRawBytesThatAreNoUtf8() {
        byte[] latin1 = "q=été".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> SurveyForm.parse(FORM, latin1)).isInstanceOf(InvalidFields.class);
        assertThat(SurveyForm.parse(FORM, "q=été".getBytes(StandardCharsets.UTF_8)).answers()).containsEntry("q", "été");
    }

    @Test
    void refusesAFormTooLargeTooManyFieldsOrAnAnswerTooLong() {
        byte[] tooLarge = bytes("q=" + "a".repeat(SurveyForm.MAX_BYTES));
        StringBuilder many = new StringBuilder("q0=1");
        for (int i = 1; i <= SurveyForm.MAX_FIELDS; i++) {
            many.append("&q").append(i).append("=1");
        }
        byte[] tooLong = bytes("q=" + "a".repeat(SurveyForm.MAX_VALUE_LENGTH + 1));

        assertThatThrownBy(() -> SurveyForm.parse(FORM, tooLarge))
                .isInstanceOfSatisfying(InvalidFields.class, refusal -> assertThat(
                        refusal.violations().get(0).description()).contains(SurveyForm.MAX_BYTES + " octets"));
        assertThatThrownBy(() -> SurveyForm.parse(FORM, bytes(many.toString())))
                .isInstanceOfSatisfying(InvalidFields.class, refusal -> assertThat(
                        refusal.violations().get(0).description()).contains("plus de " + SurveyForm.MAX_FIELDS));
        assertThatThrownBy(() -> SurveyForm.parse(FORM, tooLong))
                .isInstanceOfSatisfying(InvalidFields.class, refusal -> assertThat(
                        refusal.violations().get(0).description()).contains("caractères"));
        assertThat(SurveyForm.parse(FORM, bytes("q=" + "a".repeat(SurveyForm.MAX_VALUE_LENGTH))).answers()).hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
