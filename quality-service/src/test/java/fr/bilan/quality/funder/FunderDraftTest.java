package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.support.refusal.InvalidFields;

/** What a manager may record of a funder: each mistake refused naming its field as the JSON spells it, in French. */
class FunderDraftTest {

    static final FunderContact CONTACT = new FunderContact("Claire Martin", "claire.martin@opco-exemple.fr");
    static final Funder RECORDED = new Funder("f-1", FunderKind.EMPLOYER, "Boulangerie Dupont", "73282932000074",
            FunderOrigin.FROM_BILANS, null, 0);

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a new one without kind", new FunderDraft("", null, "OPCO Atlas", "", null), "funder.kind"),
                Arguments.of("a new one without name", new FunderDraft("", FunderKind.OPCO, "  ", "", null), "funder.name"),
                Arguments.of("a name on two lines", new FunderDraft("", FunderKind.OPCO, "OPCO\nAtlas", "", null),
                        "funder.name"),
                Arguments.of("a name too long", new FunderDraft("", FunderKind.OPCO, "x".repeat(201), "", null),
                        "funder.name"),
                Arguments.of("a SIRET of 13 digits", new FunderDraft("", FunderKind.EMPLOYER, "Dupont", "7328293200007",
                        null), "funder.siret"),
                Arguments.of("a SIRET with letters", new FunderDraft("", FunderKind.EMPLOYER, "Dupont", "7328293200007A",
                        null), "funder.siret"),
                Arguments.of("a known one without contact", new FunderDraft("f-1", null, "", "", null), "funder.contact"),
                Arguments.of("a contact without name", new FunderDraft("f-1", null, "", "",
                        new FunderContact(" ", "claire@exemple.fr")), "funder.contact.name"),
                Arguments.of("a contact without address", new FunderDraft("f-1", null, "", "",
                        new FunderContact("Claire", "")), "funder.contact.emailAddress"),
                Arguments.of("an address without domain", new FunderDraft("f-1", null, "", "",
                        new FunderContact("Claire", "claire@exemple")), "funder.contact.emailAddress"),
                Arguments.of("an address with a space", new FunderDraft("f-1", null, "", "",
                        new FunderContact("Claire", "claire martin@exemple.fr")), "funder.contact.emailAddress"),
                Arguments.of("an address too long", new FunderDraft("f-1", null, "", "",
                        new FunderContact("Claire", "c".repeat(250) + "@exemple.fr")), "funder.contact.emailAddress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aMistakeIsRefusedNamingItsField(String what, FunderDraft draft, String field) {
        InvalidFields refused = catchThrowableOfType(InvalidFields.class, draft::check);
        assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly(field);
        assertThat(refused.violations().get(0).description()).isNotBlank().doesNotContain("null");
    }

    @Test
    void whatIsWrittenIsKeptWithoutItsSpacesTheSiretWithoutItsGroups() {
        FunderDraft draft = new FunderDraft(" ", FunderKind.EMPLOYER, " Boulangerie Dupont ", "732 829 320 00074",
                new FunderContact(" Claire Martin ", " claire.martin@opco-exemple.fr ")).check();
        assertThat(draft.isNew()).isTrue();
        assertThat(draft.name()).isEqualTo("Boulangerie Dupont");
        assertThat(draft.siret()).isEqualTo("73282932000074");
        assertThat(draft.contact()).isEqualTo(CONTACT);
        assertThat(new FunderDraft("f-1", null, null, null, CONTACT).check().isNew()).isFalse();
    }

    static Stream<Arguments> renamed() {
        return Stream.of(
                Arguments.of(new FunderDraft("f-1", FunderKind.OPCO, "", "", CONTACT), "funder.kind"),
                Arguments.of(new FunderDraft("f-1", null, "Boulangerie Durand", "", CONTACT), "funder.name"),
                Arguments.of(new FunderDraft("f-1", null, "", "73282932000075", CONTACT), "funder.siret"));
    }

    @ParameterizedTest
    @MethodSource("renamed")
    void aRecordedFunderKeepsItsKindNameAndSiret(FunderDraft draft, String field) {
        InvalidFields refused = catchThrowableOfType(InvalidFields.class, () -> draft.checkNames(RECORDED));
        assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly(field);
    }

    @Test
    void itsOwnNamesGivenBackAreNoChange() {
        new FunderDraft("f-1", FunderKind.EMPLOYER, "Boulangerie Dupont", "73282932000074", CONTACT).checkNames(RECORDED);
        new FunderDraft("f-1", null, "", "", CONTACT).checkNames(RECORDED);
    }
}
