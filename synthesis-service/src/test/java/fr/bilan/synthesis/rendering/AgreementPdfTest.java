package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementState;

class AgreementPdfTest {

    private static final PdfRenderer RENDERER = Samples.renderer();
    private static final List<String> PAGES = Pdfs.pages(RENDERER.renderAgreement(Samples.print(Samples.agreement())));
    private static final String TEXT = Pdfs.flat(PAGES);

    @Test
    void namesTheThreeParties() {
        assertThat(TEXT).containsSubsequence("Projet de convention de bilan de compétences", "Entre les soussignés",
                "L'employeur",
                "Saveurs du Rhône SAS", "SIRET : 732 829 320 00074",
                "Représenté par : Hélène Garçon, directrice des ressources humaines",
                "Le salarié, bénéficiaire du bilan", "Chloé Lefèvre-Nguyễn", "Le prestataire",
                "Bilans & Parcours — Centre de Lyon Part-Dieu", "12, rue de la Villette", "69003 Lyon",
                "Numéro de déclaration d'activité : 84691234569");
    }

    @Test
    void printsEveryMentionOfR6313_8() {
        assertThat(TEXT).containsSubsequence("Intitulé de l'action",
                "Bilan de compétences — évolution vers les ressources humaines", "Objectif",
                "analyser ses compétences, aptitudes et motivations", "Contenu",
                "Phase préliminaire, phase d'investigation et phase de conclusions", "Moyens prévus",
                "tests d'intérêts, enquêtes métier", "Durée et période de réalisation",
                "Durée : 24 heures d'accompagnement", "Période : du 05/01/2027 au 30/03/2027",
                "Modalités de déroulement et de suivi", "Huit entretiens de trois heures",
                "Modalités de remise des résultats détaillés et du document de synthèse",
                "remis à la seule salariée", "Prix et modalités de paiement", "Prix : 1 600,00 €",
                "Paiement par l'employeur à réception de la facture, à 30 jours.");
    }

    @Test
    void tellsTheEmployeeTheirTenDaysAndThatSilenceIsRefusal() {
        assertThat(TEXT).containsSubsequence("Délai de réflexion du salarié",
                "Le salarié dispose d'un délai de dix jours à compter de la réception de la présente convention",
                "L'absence de réponse dans ce délai vaut refus (article R6313-8 du Code du travail)",
                "ne constitue ni une faute ni un motif de licenciement",
                "Convention reçue par le salarié le : 02/12/2026", "Date limite de signature par le salarié : 12/12/2026");
    }

    @Test
    void showsTheSignaturesRecordedAndRoomForTheOthers() {
        assertThat(TEXT).containsSubsequence("Signatures", "Partie Nom Signature",
                "Le salarié Chloé Lefèvre-Nguyễn Signée le 04/12/2026 (dans l'application)", "L'employeur Saveurs du Rhône SAS",
                "Date et signature :", "Le prestataire", "Date et signature :");
        String signed = Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(Samples.print(Samples.agreementInForce()))));
        assertThat(signed).contains("Signée le 07/12/2026 (signature électronique)",
                "Signée le 09/12/2026 (formulaire signé)").doesNotContain("Date et signature :");
    }

    @Test
    void saysWhereWhenAndInHowManyOriginalsItIsMadeBeforeTheSignatures() {
        // a draft: the day of its last change, here the employee's signature
        assertThat(TEXT).containsSubsequence("Signatures", "Fait à Lyon, le 4 décembre 2026, en trois exemplaires "
                + "originaux, un pour chacune des parties : l'employeur, le salarié et le prestataire.",
                "Signatures des parties", "Partie Nom Signature");
        // in force: the day of the last signature, which concluded it (23:30 UTC is 9 December in Paris)
        String signed = Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(Samples.print(Samples.agreementInForce()))));
        assertThat(signed).containsSubsequence("Fait à Lyon, le 9 décembre 2026, en trois exemplaires originaux",
                "Signatures des parties");
    }

    @Test
    void theTownIsTheLastLineOfTheCentresAddress() {
        assertThat(city("12, rue de la Villette\nImmeuble « Le Français », 3e étage\n69003 Lyon")).isEqualTo("Lyon");
        assertThat(city("Tour Alto\n4, place des Saisons\n92400 Courbevoie Cedex 12")).isEqualTo("Courbevoie");
        assertThat(city("BP 245\n38000 GRENOBLE CEDEX")).isEqualTo("GRENOBLE");
        assertThat(city("2 rue Jean Jaurès\n97400  Saint-Denis  \n")).isEqualTo("Saint-Denis");
        assertThat(city("Le Moulin\nSaint-Martin-de-Ré")).isEqualTo("Saint-Martin-de-Ré");
    }

    @Test
    void everyPageEndsWithTheAgreementsOwnFooterNotTheSynthesissNotice() {
        for (Agreement agreement : List.of(Samples.agreement(), Samples.agreementInForce())) {
            List<String> pages = Pdfs.pages(RENDERER.renderAgreement(Samples.print(agreement)));
            Pdfs.assertEveryPage(pages, "Convention tripartite de bilan de compétences (article R6313-8 du Code du "
                    + "travail) : « Bilan de compétences — évolution vers les ressources humaines »",
                    "Entre Saveurs du Rhône SAS, Chloé Lefèvre-Nguyễn et Bilans & Parcours — Centre de Lyon Part-Dieu");
            assertThat(Pdfs.flat(pages)).doesNotContain("Document confidentiel", "remis au seul bénéficiaire",
                    "Sa communication à un tiers");
        }
    }

    @Test
    void untilAllThreeSignedEveryPageIsMarkedProjetAsPageFurnitureAndTheTitleSaysSo() throws IOException {
        for (AgreementState state : List.of(AgreementState.DRAFT, AgreementState.SENT, AgreementState.SIGNED_BY_EMPLOYEE,
                AgreementState.REFUSED, AgreementState.LAPSED)) {
            byte[] pdf = RENDERER.renderAgreement(Samples.print(Samples.agreement().toBuilder().setState(state)
                    .build()));
            List<String> pages = Pdfs.pages(pdf);
            Pdfs.assertEveryPage(pages, "PROJET — non signé par toutes les parties");
            assertThat(Pdfs.flat(pages)).as(state.name()).contains("Projet de convention de bilan de compétences",
                    "Ce projet ne prend effet qu'une fois signé par les trois parties");
            try (PDDocument document = Pdfs.open(pdf)) {
                assertThat(document.getDocumentInformation().getTitle()).isEqualTo(AgreementHtml.DRAFT_TITLE);
                for (PDPage page : document.getPages()) {
                    // read once (the title), not on every page: the band is an artefact, outside the structure
                    assertThat(Pdfs.artifactText(page)).as(state.name()).contains("PROJET");
                    assertThat(Pdfs.taggedText(page)).as(state.name()).doesNotContain("PROJET");
                }
            }
            assertThat(Pdfs.draftBandPixels(pdf)).as(state.name()).allSatisfy(pixels -> assertThat(pixels)
                    .isGreaterThan(500));
        }
        byte[] inForce = RENDERER.renderAgreement(Samples.print(Samples.agreementInForce()));
        assertThat(Pdfs.flat(Pdfs.pages(inForce))).doesNotContain("PROJET", "Projet de convention", "Ce projet")
                .contains("Convention de bilan de compétences");
        assertThat(Pdfs.draftBandPixels(inForce)).allSatisfy(pixels -> assertThat(pixels).isZero());
        try (PDDocument document = Pdfs.open(inForce)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(AgreementHtml.TITLE);
        }
    }
    @Test
    void aDraftNotYetReceivedHasNoDatesAndARefusalIsSaid() {
        Agreement draft = Samples.agreement().toBuilder().setState(AgreementState.DRAFT).clearReceiveDate()
                .clearEmployeeDeadlineDate().clearSignatures().build();
        String draftText = Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(Samples.print(draft))));
        assertThat(draftText).contains("dix jours à compter de la réception")
                .doesNotContain("Convention reçue", "Date limite de signature", "Signée le");

        Agreement lapsed = Samples.agreement().toBuilder().setState(AgreementState.LAPSED).clearSignatures()
                .setEndTime(Timestamp.newBuilder().setSeconds(Instant.parse("2026-12-13T00:05:00Z").getEpochSecond()))
                .build();
        assertThat(Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(Samples.print(lapsed)))))
                .contains("Faute de signature du salarié dans le délai de dix jours, la présente convention est réputée "
                        + "refusée (le 13/12/2026).");
    }

    @Test
    void everyPageCarriesTheCentreAndItsNumber() {
        Pdfs.assertEveryPage(PAGES, "Bilans & Parcours — Centre de Lyon Part-Dieu", "Déclaration d'activité n° 84691234569");
    }

    @Test
    void amountsAreWrittenTheFrenchWay() {
        assertThat(French.euros(160_000)).isEqualTo("1\u00a0600,00\u00a0€");
        assertThat(French.euros(5)).isEqualTo("0,05\u00a0€");
        assertThat(French.euros(123_456_789)).isEqualTo("1\u00a0234\u00a0567,89\u00a0€");
        assertThat(French.euros(99_900)).isEqualTo("999,00\u00a0€");
    }

    private static String city(String address) {
        return new CentreIdentity("Centre", address, "84691234569", null).city();
    }
}
