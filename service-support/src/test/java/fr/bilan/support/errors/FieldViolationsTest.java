package fr.bilan.support.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

class FieldViolationsTest {

    @Test
    void aSingleLineFieldRefusesLineBreaksTabsAndControlCharacters() {
        for (String value : new String[] {"Élo\ndie", "Élo\tdie", "Élo\r\ndie", "Élo\u0000die", "Élo\u007Fdie",
                "Élo\u0085die"}) {
            FieldViolations violations = new FieldViolations().requireText("given_name", value, 100);

            assertThat(violations.asList()).as(value).extracting(BadRequest.FieldViolation::getField)
                    .containsExactly("given_name");
            assertThat(violations.asList().get(0).getDescription()).contains("saut de ligne");
        }
        assertThat(new FieldViolations().requireText("given_name", "Élodie Marie-Thérèse", 100).isEmpty()).isTrue();
    }

    @Test
    void freeTextTakesLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(new FieldViolations().requireFreeText("reason", "Première ligne\r\n\tseconde ligne\n", 100)
                .isEmpty()).isTrue();
        assertThat(new FieldViolations().requireFreeText("reason", "fin\u0000", 100).asList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("reason");
        assertThat(new FieldViolations().requireFreeText("reason", " ", 100).asList())
                .extracting(BadRequest.FieldViolation::getDescription).containsExactly("Ce champ est obligatoire.");
    }
}
