package fr.bilan.synthesis.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private static final String BILAN = "5f0c2a4e-8d1b-4c3a-9e2f-1a2b3c4d5e6f";
    private static final String DOCUMENT = "0123456789abcdef0123456789abcdef";

    @Test
    void buildsAndParsesKeysOfIds() {
        String key = ObjectKeys.synthesis(BILAN, DOCUMENT);

        assertThat(key).isEqualTo("assessments/" + BILAN + "/synthesis/" + DOCUMENT);
        assertThat(ObjectKeys.isValid(key)).isTrue();
        assertThat(ObjectKeys.assessmentOf(key)).isEqualTo(BILAN);
        assertThat(ObjectKeys.documentOf(key)).isEqualTo(DOCUMENT);
        assertThat(ObjectKeys.require(key)).isEqualTo(key);
    }

    @Test
    void refusesWhatIsNotAnIdWithoutQuotingIt() {
        for (String name : new String[] {"dupont", "Jean Dupont", "élodie", "../" + BILAN, BILAN + ".pdf", "", "abc123"}) {
            assertThatThrownBy(() -> ObjectKeys.synthesis(name, DOCUMENT)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(name.isEmpty() ? "§" : name);
            assertThatThrownBy(() -> ObjectKeys.synthesis(BILAN, name)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ObjectKeys.of(BILAN, "Synthèse", DOCUMENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysOfAnotherShape() {
        for (String key : new String[] {"assessments/" + BILAN + "/synthesis/Dupont", "probe/1",
                "assessments/" + BILAN + "/synthesis/" + DOCUMENT + "/extra", "/assessments/" + BILAN + "/synthesis/" + DOCUMENT}) {
            assertThat(ObjectKeys.isValid(key)).as(key).isFalse();
            assertThatThrownBy(() -> ObjectKeys.assessmentOf(key)).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("Dupont");
        }
        assertThat(ObjectKeys.loggable("assessments/x/synthesis/Jean Dupont")).doesNotContain("Dupont");
        assertThat(ObjectKeys.isValid(null)).isFalse();
    }
}
