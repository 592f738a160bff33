package fr.bilan.synthesis.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

import fr.bilan.synthesis.rendering.AgreementPrint.Party;
import fr.bilan.synthesis.rendering.AgreementPrint.Signature;
import fr.bilan.synthesis.rendering.AgreementPrint.State;

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

    static HtmlPage build(AgreementPrint agreement, CentreIdentity centre, String css) {
        boolean draft = isDraft(agreement);
        String title = draft ? DRAFT_TITLE : TITLE;
        HtmlPage page = new HtmlPage(title, "Convention tripartite de bilan de compétences (article R6313-8 du Code "
                + "du travail)", centre, css, draft ? "agreement draft" : "agreement");
        page.footerLine("Convention tripartite de bilan de compétences (article R6313-8 du Code du travail) : « "
                + HtmlPage.clean(agreement.title()).strip() + " »");
        page.footerLine("Entre " + French.enumeration(List.of(agreement.employer().name(),
                agreement.employeeName(), centre.name())));
        if (draft) {
            page.band(DRAFT_BAND);
        }
        new AgreementHtml(page).write(agreement, centre, title, draft);
        return page;
    }

    /** Only an agreement all three parties signed is the convention; any other state prints as a draft. */
    static boolean isDraft(AgreementPrint agreement) {
        return agreement.state() != State.IN_FORCE;
    }

    private void write(AgreementPrint agreement, CentreIdentity centre, String title, boolean draft) {
        page.title(title, draft
                ? "Convention tripartite en application de l'article R6313-8 du Code du travail. Ce projet ne prend "
                        + "effet qu'une fois signé par les trois parties : le salarié, l'employeur et le prestataire."
                : "Convention tripartite conclue en application de l'article R6313-8 du Code du travail");
        Element between = page.section("Entre les soussignés");
        page.heading3(between, "L'employeur");
        Element employer = page.add(between, "div", "identity");
        page.text(page.add(employer, "p", "centre-name"), agreement.employer().name());
        page.labelled(employer, "SIRET", French.siret(agreement.employer().siret()));
        page.labelled(employer, "Représenté par", agreement.employer().signatoryName());
        page.heading3(between, "Le salarié, bénéficiaire du bilan");
        page.text(page.add(page.add(between, "div", "identity"), "p", "centre-name"), agreement.employeeName());
        page.heading3(between, "Le prestataire");
        page.identityBlock(between, centre);

        mention("Intitulé de l'action", agreement.title());
        mention("Objectif", agreement.objective());
        mention("Contenu", agreement.content());
        mention("Moyens prévus", agreement.means());
        Element duration = page.section("Durée et période de réalisation");
        page.labelled(duration, "Durée", agreement.durationHours() + French.NBSP + "heures d'accompagnement");
        page.labelled(duration, "Période", period(agreement));
        mention("Modalités de déroulement et de suivi", agreement.conductAndFollowUp());
        mention("Modalités de remise des résultats détaillés et du document de synthèse",
                agreement.resultsHandover());
        Element price = page.section("Prix et modalités de paiement");
        page.labelled(price, "Prix", French.euros(agreement.priceCents()));
        page.paragraph(price, agreement.paymentTerms());
        reflection(agreement);
        signatures(agreement, centre);
    }

    private void mention(String heading, String text) {
        page.paragraph(page.section(heading), text);
    }

    private static String period(AgreementPrint agreement) {
        LocalDate start = agreement.periodStart();
        LocalDate end = agreement.periodEnd();
        return "du " + (start == null ? "…" : French.date(start)) + " au " + (end == null ? "…" : French.date(end));
    }

    /** The employee's ten days (R6313-8), the dates once the draft was received, and how it ended if it did. */
    private void reflection(AgreementPrint agreement) {
        Element section = page.section("Délai de réflexion du salarié");
        page.text(page.add(section, "p"), "Le salarié dispose d'un délai de dix jours à compter de la réception de la "
                + "présente convention pour la signer et la retourner. L'absence de réponse dans ce délai vaut refus "
                + "(article R6313-8 du Code du travail). Le refus du salarié de consentir à un bilan de compétences ne "
                + "constitue ni une faute ni un motif de licenciement (article L6313-4 du Code du travail).");
        LocalDate received = agreement.receiveDate();
        if (received != null) {
            page.labelled(section, "Convention reçue par le salarié le", French.date(received));
        }
        LocalDate deadline = agreement.employeeDeadline();
        if (deadline != null) {
            page.labelled(section, "Date limite de signature par le salarié", French.date(deadline));
        }
        if (agreement.state() == State.REFUSED) {
            page.text(page.add(section, "p", "label"), "Le salarié a refusé la présente convention" + ended(agreement)
                    + ".");
        } else if (agreement.state() == State.LAPSED) {
            page.text(page.add(section, "p", "label"), "Faute de signature du salarié dans le délai de dix jours, la "
                    + "présente convention est réputée refusée" + ended(agreement) + ".");
        }
    }

    private static String ended(AgreementPrint agreement) {
        return agreement.endTime() != null ? " (le " + French.date(day(agreement.endTime())) + ")" : "";
    }

    private void signatures(AgreementPrint agreement, CentreIdentity centre) {
        Element section = page.section("Signatures");
        section.setAttribute("class", "signatures");
        LocalDate made = madeOn(agreement);
        page.text(page.add(section, "p"), "Fait à " + centre.city() + ", le "
                + (made == null ? "…" : French.longDate(made)) + ", en trois exemplaires originaux, un pour "
                + "chacune des parties : l'employeur, le salarié et le prestataire.");
        List<List<String>> rows = new ArrayList<>(3);
        rows.add(List.of("Le salarié", agreement.employeeName(), signature(agreement, Party.EMPLOYEE)));
        rows.add(List.of("L'employeur", agreement.employer().name() + "\nreprésenté par "
                + agreement.employer().signatoryName(), signature(agreement, Party.EMPLOYER)));
        rows.add(List.of("Le prestataire", centre.name(), signature(agreement, Party.PROVIDER)));
        page.table(section, "Signatures des parties", List.of("Partie", "Nom", "Signature"), rows);
    }

    /**
     * The date of the document: for the agreement in force, the day of the last signature, which
     * concluded it; for a draft, the day of its last change (the version printed).
     */
    private static LocalDate madeOn(AgreementPrint agreement) {
        if (!isDraft(agreement)) {
            return agreement.signatures().stream().map(Signature::signTime).filter(time -> time != null)
                    .max(Instant::compareTo).map(AgreementHtml::day).orElse(null);
        }
        if (agreement.updateTime() != null) {
            return day(agreement.updateTime());
        }
        return agreement.createTime() != null ? day(agreement.createTime()) : null;
    }

    /** « Signée le 03/12/2026 (signature électronique) », or room to sign by hand. */
    private static String signature(AgreementPrint agreement, Party party) {
        Optional<Signature> recorded = agreement.signatures().stream()
                .filter(signature -> signature.party() == party).findFirst();
        if (recorded.isEmpty()) {
            return "Date et signature :";
        }
        Signature signature = recorded.get();
        String method = French.label(signature.method(), "");
        String how = method.isEmpty() ? "" : " (" + method + ")";
        return signature.signTime() != null ? "Signée le " + French.date(day(signature.signTime())) + how
                : "Signée" + how;
    }

    /** The day in Paris, where the parties sign, of a time whose seconds count (the nanoseconds do not). */
    private static LocalDate day(Instant time) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(time.getEpochSecond()), PARIS);
    }
}
