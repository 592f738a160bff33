package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;

class AgreementPdfTest {

    private static final PdfRenderer RENDERER = Samples.renderer();
    private static final List<String> PAGES = Pdfs.pages(RENDERER.renderAgreement(Samples.agreement(), Samples.parties()));
    private static final String TEXT = Pdfs.flat(PAGES);

    @Test
    void namesTheThreeParties() {
        assertThat(TEXT).containsSubsequence("Convention de bilan de compétences", "Entre les soussignés", "L'employeur",
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
        Agreement inForce = Samples.agreement().toBuilder().setState(AgreementState.IN_FORCE)
                .addSignatures(signature(AgreementParty.EMPLOYER_PARTY, EvidenceMethod.E_SIGNATURE, "2026-12-07T16:10:00Z"))
                // 23:30 UTC is already the next day in Paris
                .addSignatures(signature(AgreementParty.PROVIDER, EvidenceMethod.SIGNED_FORM, "2026-12-08T23:30:00Z"))
                .build();
        String signed = Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(inForce, Samples.parties())));
        assertThat(signed).contains("Signée le 07/12/2026 (signature électronique)",
                "Signée le 09/12/2026 (formulaire signé)").doesNotContain("Date et signature :");
    }

    @Test
    void aDraftNotYetReceivedHasNoDatesAndARefusalIsSaid() {
        Agreement draft = Samples.agreement().toBuilder().setState(AgreementState.DRAFT).clearReceiveDate()
                .clearEmployeeDeadlineDate().clearSignatures().build();
        String draftText = Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(draft, Samples.parties())));
        assertThat(draftText).contains("dix jours à compter de la réception")
                .doesNotContain("Convention reçue", "Date limite de signature", "Signée le");

        Agreement lapsed = Samples.agreement().toBuilder().setState(AgreementState.LAPSED).clearSignatures()
                .setEndTime(Timestamp.newBuilder().setSeconds(Instant.parse("2026-12-13T00:05:00Z").getEpochSecond()))
                .build();
        assertThat(Pdfs.flat(Pdfs.pages(RENDERER.renderAgreement(lapsed, Samples.parties()))))
                .contains("Faute de signature du salarié dans le délai de dix jours, la présente convention est réputée "
                        + "refusée (le 13/12/2026).");
    }

    @Test
    void everyPageCarriesTheCentreTheNoticeAndItsNumber() {
        Pdfs.assertEveryPage(PAGES, "Bilans & Parcours — Centre de Lyon Part-Dieu", HtmlPage.NOTICE);
    }

    @Test
    void amountsAreWrittenTheFrenchWay() {
        assertThat(French.euros(160_000)).isEqualTo("1\u00a0600,00\u00a0€");
        assertThat(French.euros(5)).isEqualTo("0,05\u00a0€");
        assertThat(French.euros(123_456_789)).isEqualTo("1\u00a0234\u00a0567,89\u00a0€");
        assertThat(French.euros(99_900)).isEqualTo("999,00\u00a0€");
    }

    private static AgreementSignature signature(AgreementParty party, EvidenceMethod method, String time) {
        return AgreementSignature.newBuilder().setParty(party).setMethod(method)
                .setSignTime(Timestamp.newBuilder().setSeconds(Instant.parse(time).getEpochSecond())).build();
    }
}
