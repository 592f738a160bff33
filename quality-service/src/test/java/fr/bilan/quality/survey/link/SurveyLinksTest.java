package fr.bilan.quality.survey.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import fr.bilan.support.security.SecretPathTokens;

/** A survey's link: the same for its invitation and reminders, unmakeable without the key. */
class SurveyLinksTest {

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        KEY[0] = 1;
        OTHER_KEY[0] = 2;
    }

    final SurveyLinks links = new SurveyLinks(KEY, "https://bilan.example/");

    @Test
    void theSameSurveyAndSaltGiveTheSameWellFormedToken() {
        String salt = SurveyLinks.newSalt();
        String token = links.token("s1", salt);
        assertThat(links.token("s1", salt)).isEqualTo(token);
        assertThat(SecretPathTokens.wellFormed(token)).isTrue();
        assertThat(links.opens(token, "s1", salt)).isTrue();
        assertThat(links.url(token)).isEqualTo("https://bilan.example/api/v1/surveyPages/" + token);
    }

    @Test
    void anotherSaltSurveyOrKeyGivesAnotherToken() {
        String salt = SurveyLinks.newSalt();
        String token = links.token("s1", salt);
        assertThat(SurveyLinks.newSalt()).isNotEqualTo(salt);
        assertThat(links.token("s1", SurveyLinks.newSalt())).isNotEqualTo(token);
        assertThat(links.token("s2", salt)).isNotEqualTo(token);
        assertThat(new SurveyLinks(OTHER_KEY, "https://bilan.example").token("s1", salt)).isNotEqualTo(token);
        assertThat(links.opens(token, "s2", salt)).isFalse();
    }

    @Test
    void whatTheStoreKeepsIsTheTokensHashOnly() {
        String token = links.token("s1", "salt");
        assertThat(SurveyLinks.hash(token)).hasSize(64).doesNotContain(token);
    }

    @Test
    void theKeySettingIsTheBase64Of32Bytes() {
        assertThat(SurveyLinkConfiguration.key(Base64.getEncoder().encodeToString(KEY), false)).isEqualTo(KEY);
        assertThatThrownBy(() -> SurveyLinkConfiguration.key(Base64.getEncoder().encodeToString(new byte[16]), false))
                .hasMessageContaining("must be the base64 of 32 bytes");
        assertThatThrownBy(() -> SurveyLinkConfiguration.key("not base64!", false)).hasMessageContaining("is not base64");
    }

    /** A deployment without the key would send links that stop opening at its next restart: it does not start. */
    @Test
    void withoutTheKeyOnlyTheEmbeddedStandInsStart() {
        assertThatThrownBy(() -> SurveyLinkConfiguration.key("", false))
                .hasMessageContaining("BILAN_QUALITY_SURVEYS_LINK_KEY");
        assertThat(SurveyLinkConfiguration.key("", true)).hasSize(32);
    }
}
