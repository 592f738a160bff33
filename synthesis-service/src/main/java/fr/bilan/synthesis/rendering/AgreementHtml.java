package fr.bilan.synthesis.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.synthesis.internal.v1.AgreementParties;

/**
 * The tripartite agreement with every mention of R6313-8, and the signatures recorded. Each page
 * says at its foot which agreement it belongs to and between whom; until all three parties signed
 * (anything but {@code IN_FORCE}), the document is a draft: its title says « Projet », and every
 * page carries a « PROJET » band, so that no printed page passes for the agreement in force.
 */
final class AgreementHtml {

    static final String TITLE = "Convention de bilan de compétences";
    static final String DRAFT_TITLE = "Projet de convention de bilan de compétences";
    static final String DRAFT_BAND = "PROJET — non signé par toutes les parties";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final HtmlPage page;

    private AgreementHtml(HtmlPage page) {
        this.page = page;
    }

    static HtmlPage build(Agreement agreement, AgreementParties parties, CentreIdentity centre, String css) {
        boolean draft = isDraft(agreement);
        String title = draft ? DRAFT_TITLE : TITLE;
        HtmlPage page = new HtmlPage(title, "Convention tripartite de bilan de compétences (article R6313-8 du Code "
                + "du travail)", centre, css, draft ? "agreement draft" : "agreement");
        page.footerLine("Convention tripartite de bilan de compétences (article R6313-8 du Code du travail) : « "
                + HtmlPage.clean(agreement.getTitle()).strip() + " »");
        page.footerLine("Entre " + French.enumeration(List.of(agreement.getEmployer().getName(),
                parties.getEmployeeName(), centre.name())));
        if (draft) {
            page.band(DRAFT_BAND);
        }
        new AgreementHtml(page).write(agreement, parties, centre, title, draft);
        return page;
    }

    /** Only an agreement all three parties signed is the convention; any other state prints as a draft. */
    static boolean isDraft(Agreement agreement) {
        return agreement.getState() != AgreementState.IN_FORCE;
    }

    private void write(Agreement agreement, AgreementParties parties, CentreIdentity centre, String title,
            boolean draft) {
        page.title(title, draft
                ? "Convention tripartite en application de l'article R6313-8 du Code du travail. Ce projet ne prend "
                        + "effet qu'une fois signé par les trois parties : le salarié, l'employeur et le prestataire."
                : "Convention tripartite conclue en application de l'article R6313-8 du Code du travail");
        Element between = page.section("Entre les soussignés");
        page.heading3(between, "L'employeur");
        Element employer = page.add(between, "div", "identity");
        page.text(page.add(employer, "p", "centre-name"), agreement.getEmployer().getName());
        page.labelled(employer, "SIRET", French.siret(agreement.getEmployer().getSiret()));
        page.labelled(employer, "Représenté par", agreement.getEmployer().getSignatoryName());
        page.heading3(between, "Le salarié, bénéficiaire du bilan");
        page.text(page.add(page.add(between, "div", "identity"), "p", "centre-name"), parties.getEmployeeName());
        page.heading3(between, "Le prestataire");
        page.identityBlock(between, centre);

        mention("Intitulé de l'action", agreement.getTitle());
        mention("Objectif", agreement.getObjective());
        mention("Contenu", agreement.getContent());
        mention("Moyens prévus", agreement.getMeans());
        Element duration = page.section("Durée et période de réalisation");
        page.labelled(duration, "Durée", agreement.getDurationHours() + French.NBSP + "heures d'accompagnement");
        page.labelled(duration, "Période", period(agreement));
        mention("Modalités de déroulement et de suivi", agreement.getConductAndFollowUp());
        mention("Modalités de remise des résultats détaillés et du document de synthèse",
                agreement.getResultsHandover());
        Element price = page.section("Prix et modalités de paiement");
        page.labelled(price, "Prix", French.euros(agreement.getPriceCents()));
        page.paragraph(price, agreement.getPaymentTerms());
        reflection(agreement);
        signatures(agreement, parties, centre);
    }

    private void mention(String heading, String text) {
        page.paragraph(page.section(heading), text);
    }

    private static String period(Agreement agreement) {
        LocalDate start = French.day(agreement.getPeriodStartDate());
        LocalDate end = French.day(agreement.getPeriodEndDate());
        return "du " + (start == null ? "…" : French.date(start)) + " au " + (end == null ? "…" : French.date(end));
    }

    /** The employee's ten days (R6313-8), the dates once the draft was received, and how it ended if it did. */
    private void reflection(Agreement agreement) {
        Element section = page.section("Délai de réflexion du salarié");
        page.text(page.add(section, "p"), "Le salarié dispose d'un délai de dix jours à compter de la réception de la "
                + "présente convention pour la signer et la retourner. L'absence de réponse dans ce délai vaut refus "
                + "(article R6313-8 du Code du travail). Le refus du salarié de consentir à un bilan de compétences ne "
                + "constitue ni une faute ni un motif de licenciement (article L6313-4 du Code du travail).");
        LocalDate received = French.day(agreement.getReceiveDate());
        if (received != null) {
            page.labelled(section, "Convention reçue par le salarié le", French.date(received));
        }
        LocalDate deadline = French.day(agreement.getEmployeeDeadlineDate());
        if (deadline != null) {
            page.labelled(section, "Date limite de signature par le salarié", French.date(deadline));
        }
        if (agreement.getState() == AgreementState.REFUSED) {
            page.text(page.add(section, "p", "label"), "Le salarié a refusé la présente convention" + ended(agreement)
                    + ".");
        } else if (agreement.getState() == AgreementState.LAPSED) {
            page.text(page.add(section, "p", "label"), "Faute de signature du salarié dans le délai de dix jours, la "
                    + "présente convention est réputée refusée" + ended(agreement) + ".");
        }
    }

    private static String ended(Agreement agreement) {
        return agreement.hasEndTime() ? " (le " + French.date(day(agreement.getEndTime().getSeconds())) + ")" : "";
    }

    private void signatures(Agreement agreement, AgreementParties parties, CentreIdentity centre) {
        Element section = page.section("Signatures");
        section.setAttribute("class", "signatures");
        LocalDate made = madeOn(agreement);
        page.text(page.add(section, "p"), "Fait à " + centre.city() + ", le "
                + (made == null ? "…" : French.longDate(made)) + ", en trois exemplaires originaux, un pour "
                + "chacune des parties : l'employeur, le salarié et le prestataire.");
        List<List<String>> rows = new ArrayList<>(3);
        rows.add(List.of("Le salarié", parties.getEmployeeName(), signature(agreement, AgreementParty.EMPLOYEE)));
        rows.add(List.of("L'employeur", agreement.getEmployer().getName() + "\nreprésenté par "
                + agreement.getEmployer().getSignatoryName(), signature(agreement, AgreementParty.EMPLOYER_PARTY)));
        rows.add(List.of("Le prestataire", centre.name(), signature(agreement, AgreementParty.PROVIDER)));
        page.table(section, "Signatures des parties", List.of("Partie", "Nom", "Signature"), rows);
    }

    /**
     * The date of the document: for the agreement in force, the day of the last signature, which
     * concluded it; for a draft, the day of its last change (the version printed).
     */
    private static LocalDate madeOn(Agreement agreement) {
        if (!isDraft(agreement)) {
            return agreement.getSignaturesList().stream().filter(AgreementSignature::hasSignTime)
                    .map(signature -> signature.getSignTime().getSeconds()).max(Long::compare)
                    .map(AgreementHtml::day).orElse(null);
        }
        if (agreement.hasUpdateTime()) {
            return day(agreement.getUpdateTime().getSeconds());
        }
        return agreement.hasCreateTime() ? day(agreement.getCreateTime().getSeconds()) : null;
    }

    /** « Signée le 03/12/2026 (signature électronique) », or room to sign by hand. */
    private static String signature(Agreement agreement, AgreementParty party) {
        Optional<AgreementSignature> recorded = agreement.getSignaturesList().stream()
                .filter(signature -> signature.getParty() == party).findFirst();
        if (recorded.isEmpty()) {
            return "Date et signature :";
        }
        AgreementSignature signature = recorded.get();
        String method = French.label(signature.getMethod(), "");
        String how = method.isEmpty() ? "" : " (" + method + ")";
        return signature.hasSignTime() ? "Signée le " + French.date(day(signature.getSignTime().getSeconds())) + how
                : "Signée" + how;
    }

    private static LocalDate day(long epochSeconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds), PARIS);
    }
}
