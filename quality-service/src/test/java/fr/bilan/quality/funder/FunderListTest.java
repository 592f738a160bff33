package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.FunderRef;

/** A year's funders: the bilans' with what was recorded of them, then those added by hand, by name. */
class FunderListTest {

    static final String CENTRE = "centre-lyon";
    static final FunderRef DUPONT = new FunderRef(FunderKind.EMPLOYER, "Boulangerie Dupont", "73282932000074");
    static final FunderRef CDC = new FunderRef(FunderKind.CAISSE_DES_DEPOTS, "Caisse des Dépôts (Mon Compte Formation)", "");
    static final FunderContact CLAIRE = new FunderContact("Claire Martin", "claire@dupont.fr");

    @Test
    void theBilansFundersCarryWhatWasRecordedOfThemAndTheOnesAddedByHandFollow() {
        Funder dupontContact = new Funder(Funder.derivedId(CENTRE, DUPONT), DUPONT.kind(), DUPONT.name(), DUPONT.siret(),
                FunderOrigin.FROM_BILANS, CLAIRE, 0);
        Funder atlas = new Funder("random-1", FunderKind.OPCO, "Atlas", "", FunderOrigin.ADDED_BY_HAND, null, 0);
        Funder region = new Funder("random-2", FunderKind.REGION, "Région Auvergne-Rhône-Alpes", "",
                FunderOrigin.ADDED_BY_HAND, new FunderContact("Paul", "paul@region.fr"), 0);
        Funder employerOfLastYear = new Funder("derived-old", FunderKind.EMPLOYER, "Ancien employeur", "",
                FunderOrigin.FROM_BILANS, CLAIRE, 0);

        List<Funder> funders = FunderList.of(CENTRE, List.of(new FunderList.Tally(DUPONT, 3), new FunderList.Tally(CDC, 5)),
                List.of(dupontContact, atlas, region, employerOfLastYear));

        assertThat(funders).extracting(Funder::name).containsExactly("Atlas", "Boulangerie Dupont",
                "Caisse des Dépôts (Mon Compte Formation)", "Région Auvergne-Rhône-Alpes");
        assertThat(funders.get(1)).isEqualTo(dupontContact.withBilanCount(3));
        assertThat(funders.get(2)).isEqualTo(new Funder(Funder.derivedId(CENTRE, CDC), CDC.kind(), CDC.name(), "",
                FunderOrigin.FROM_BILANS, null, 5));
        assertThat(funders.get(0).origin()).isEqualTo(FunderOrigin.ADDED_BY_HAND);
        assertThat(funders.get(0).bilanCount()).isZero();
    }

    @Test
    void aFunderAddedByHandThatTheBilansNameIsListedOnceAsTheirs() {
        Funder atlasByHand = new Funder("random-1", FunderKind.OPCO, "Atlas", "", FunderOrigin.ADDED_BY_HAND, CLAIRE, 0);
        FunderRef atlas = new FunderRef(FunderKind.OPCO, "Atlas", "");

        assertThat(FunderList.of(CENTRE, List.of(new FunderList.Tally(atlas, 2)), List.of(atlasByHand)))
                .containsExactly(new Funder("random-1", FunderKind.OPCO, "Atlas", "", FunderOrigin.FROM_BILANS, CLAIRE, 2));
    }

    @Test
    void aDerivedIdIsStableAndTheCentresOwn() {
        assertThat(Funder.derivedId(CENTRE, DUPONT)).isEqualTo(Funder.derivedId(CENTRE, new FunderRef(DUPONT.kind(),
                DUPONT.name(), DUPONT.siret())));
        assertThat(Funder.derivedId(CENTRE, DUPONT)).isNotEqualTo(Funder.derivedId("centre-paris", DUPONT))
                .isNotEqualTo(Funder.derivedId(CENTRE, new FunderRef(DUPONT.kind(), DUPONT.name(), "")));
    }
}
