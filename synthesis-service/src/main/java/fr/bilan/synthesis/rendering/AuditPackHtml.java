package fr.bilan.synthesis.rendering;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;

import fr.bilan.synthesis.rendering.AuditPackPrint.Bilan;
import fr.bilan.synthesis.rendering.AuditPackPrint.Complaint;
import fr.bilan.synthesis.rendering.AuditPackPrint.FollowUp;
import fr.bilan.synthesis.rendering.AuditPackPrint.Phase;
import fr.bilan.synthesis.rendering.AuditPackPrint.Survey;
import fr.bilan.synthesis.rendering.AuditPackPrint.Totals;

/**
 * A centre's audit pack for a period, as a Qualiopi auditor reads it, in the words quality-service sends for
 * its states: the centre's totals and how to
 * read the pack on the first page, then one row per bilan, pseudonymised, in a landscape table whose
 * header repeats on every page. Each page says at its foot which pack and period it belongs to. Nothing in it names a
 * person or says what a bilan contained: dates, hours, states and counts only.
 */
final class AuditPackHtml {

    static final String TITLE = "Dossier d'audit qualité";
    static final List<String> COLUMNS = List.of("Bilan", "Convention signée le", "Début", "Fin", "Issue",
            "Heures réalisées / prévues", "Séances suivies / manquées", "Synthèse remise le",
            "Enquête à chaud", "Enquête à froid", "Entretien de suivi", "Réclamations");
    /**
     * The pack's pages, landscape: set here over the shared A4 portrait rather than as a named page,
     * since openhtmltopdf lays the content out at the default page's width whatever the named page's size.
     */
    static final String LANDSCAPE = "\n@page { size: A4 landscape; margin: 28mm 12mm 22mm 12mm; }\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);
    private static final String NONE = "—";
    /** The phases' codes as the hours cell abbreviates them (the legend spells them out). */
    private static final Map<String, String> PHASES = Map.of(
            "PRELIMINARY", "Prél.",
            "INVESTIGATION", "Invest.",
            "CONCLUSION", "Concl.",
            "FOLLOW_UP", "Suivi");

    private final HtmlPage page;

    private AuditPackHtml(HtmlPage page) {
        this.page = page;
    }

    static HtmlPage build(AuditPackPrint pack, CentreIdentity centre, String css) {
        String period = period(pack);
        HtmlPage page = new HtmlPage(TITLE, "Dossier d'audit qualité (Qualiopi) de " + HtmlPage.clean(centre.name())
                + ", bilans de compétences " + period, centre, css + LANDSCAPE, "audit-pack");
        page.footerLine(TITLE + " — bilans de compétences " + period + " — établi le " + generated(pack));
        page.footerLine("Bilans pseudonymisés : ni nom, ni contenu de bilan, ni réponse aux enquêtes.");
        new AuditPackHtml(page).write(pack, period);
        return page;
    }

    private void write(AuditPackPrint pack, String period) {
        page.title(TITLE, "Bilans de compétences en cours " + period + ", établi le " + generated(pack)
                + ". Chaque bilan est désigné par un pseudonyme, le même dans tous les dossiers du centre.");
        totals(pack.totals());
        reading();
        Element bilans = page.section("Bilans");
        bilans.setAttribute("class", "bilans");
        if (pack.bilans().isEmpty()) {
            page.text(page.add(bilans, "p"), "Aucun bilan n'était en cours pendant la période.");
        } else {
            List<List<String>> rows = pack.bilans().stream().map(AuditPackHtml::row).toList();
            page.table(bilans, pack.bilans().size() + " bilan" + (pack.bilans().size() > 1 ? "s" : "")
                    + " en cours " + period, COLUMNS, rows, "nowrap", "nowrap", "nowrap", "nowrap", null, null, "nowrap", "nowrap");
        }
    }

    private void totals(Totals totals) {
        Element section = page.section("Totaux du centre");
        section.setAttribute("class", "totals");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Bilans du dossier", totals.bilans() + " (" + totals.completed() + " terminé"
                + plural(totals.completed()) + ", " + totals.dropOuts() + " arrêt" + plural(totals.dropOuts()) + " anticipé" + plural(totals.dropOuts())
                + ", " + totals.inProgress() + " en cours)"));
        rows.add(List.of("Conventions signées", Integer.toString(totals.agreementsSigned())));
        rows.add(List.of("Heures réalisées / prévues (phases préliminaire, d'investigation et de conclusion)",
                hours(totals.deliveredMinutes()) + " / " + hours(totals.plannedMinutes())));
        rows.add(List.of("Séances suivies / manquées", totals.sessionsAttended() + " / " + totals.sessionsMissed()));
        rows.add(List.of("Synthèses remises", Integer.toString(totals.synthesesHandedOver())));
        rows.add(List.of("Enquêtes à chaud répondues / envoyées", answered(totals.endOfBilanSurveysAnswered(),
                totals.endOfBilanSurveysSent())));
        rows.add(List.of("Enquêtes à froid répondues / envoyées", answered(totals.followUpSurveysAnswered(),
                totals.followUpSurveysSent())));
        rows.add(List.of("Entretiens de suivi tenus", Integer.toString(totals.followUpsHeld())));
        rows.add(List.of("Réclamations répondues / reçues", totals.complaintsAnswered() + " / " + totals.complaints()));
        page.table(section, "Totaux sur les bilans du dossier", List.of("Indicateur", "Valeur"), rows, null, "number");
    }

    private void reading() {
        Element section = page.section("Lecture du dossier");
        section.setAttribute("class", "reading");
        page.list(section, List.of(
                "Un bilan figure au dossier quand son action a eu lieu, au moins en partie, pendant la période.",
                "Heures : réalisées (séances tenues en présence du bénéficiaire) / prévues (séances non annulées), "
                        + "par phase : Prél. pour la phase préliminaire, Invest. pour la phase d'investigation, "
                        + "Concl. pour la phase de conclusion, Suivi pour l'entretien de suivi, hors de la durée "
                        + "de l'action.",
                "Enquêtes : à chaud, à la remise de la synthèse ; à froid, avec l'entretien de suivi. Seules les "
                        + "dates et l'existence d'une réponse figurent, jamais les réponses.",
                "Réclamations : celles qui concernent le bilan, avec leurs dates de réception, d'accusé de "
                        + "réception et de réponse.",
                "Dates : au jour près, celui du centre. « " + NONE + " » : rien à dater (pas encore, ou sans objet)."));
    }

    private static List<String> row(Bilan bilan) {
        return List.of(bilan.pseudonym(), date(bilan.agreementSignDate()), date(bilan.startDate()),
                date(bilan.endDate()), outcome(bilan), phases(bilan.phases()), sessions(bilan.phases()),
                date(bilan.synthesisHandoverDate()), survey(bilan.surveys(), "END_OF_BILAN"),
                survey(bilan.surveys(), "FOLLOW_UP"), followUp(bilan.followUp()), complaints(bilan.complaints()));
    }

    private static String outcome(Bilan bilan) {
        return bilan.dropOutReason().isEmpty() ? bilan.outcome() : bilan.outcome() + " :\n" + bilan.dropOutReason();
    }

    /** « Prél. 2 h / 2 h », one line per phase. */
    private static String phases(List<Phase> phases) {
        if (phases.isEmpty()) {
            return NONE;
        }
        return String.join("\n", phases.stream().map(phase -> PHASES.getOrDefault(phase.phase(), phase.phase()) + " "
                + hours(phase.deliveredMinutes()) + " / " + hours(phase.plannedMinutes())).toList());
    }

    private static String sessions(List<Phase> phases) {
        return phases.stream().mapToInt(Phase::sessionsAttended).sum() + " / "
                + phases.stream().mapToInt(Phase::sessionsMissed).sum();
    }

    /** Its state, then its dates: sent, reminded, answered or lapsed. */
    private static String survey(List<Survey> surveys, String kind) {
        Optional<Survey> found = surveys.stream().filter(survey -> kind.equals(survey.kind())).findFirst();
        if (found.isEmpty()) {
            return NONE;
        }
        Survey survey = found.get();
        List<String> lines = new ArrayList<>();
        lines.add(survey.state());
        dated(lines, "envoyée", survey.sentDate());
        survey.reminderDates().forEach(day -> dated(lines, "relance", day));
        dated(lines, "répondue", survey.answerDate());
        if (survey.answerDate() == null) {
            dated(lines, "expiration", survey.expireDate());
        }
        return String.join("\n", lines);
    }

    private static String followUp(FollowUp followUp) {
        if (followUp == null) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        lines.add(followUp.state());
        dated(lines, "échéance", followUp.dueDate());
        dated(lines, "proposé", followUp.offerDate());
        dated(lines, "réponse", followUp.answerDate());
        dated(lines, "tenu", followUp.heldDate());
        if (!followUp.situation().isEmpty()) {
            // a label in sentence case (« En formation »), here after « situation : »
            lines.add("situation : " + followUp.situation().substring(0, 1).toLowerCase(Locale.FRENCH)
                    + followUp.situation().substring(1));
        }
        return String.join("\n", lines);
    }

    /** « reçue 03/02/2027 », « accusé 04/02/2027 », « réponse 10/02/2027 »: a line each, the complaints one after the other. */
    private static String complaints(List<Complaint> complaints) {
        if (complaints.isEmpty()) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        for (Complaint complaint : complaints) {
            dated(lines, "reçue", complaint.receivedDate());
            dated(lines, "accusé", complaint.acknowledgedDate());
            if (complaint.answeredDate() == null) {
                lines.add("sans réponse");
            }
            dated(lines, "réponse", complaint.answeredDate());
        }
        return String.join("\n", lines);
    }

    /** « envoyée 28/03/2026 », the date kept with its word on one line. */
    private static void dated(List<String> lines, String what, LocalDate day) {
        if (day != null) {
            lines.add(what + French.NBSP + French.date(day));
        }
    }

    private static String date(LocalDate day) {
        return day == null ? NONE : French.date(day);
    }

    private static String hours(long minutes) {
        return French.hours(Duration.ofMinutes(minutes));
    }

    /** « 12 / 15 (80 %) »; no rate over nothing sent. */
    private static String answered(int answered, int sent) {
        String counts = answered + " / " + sent;
        return sent == 0 ? counts : counts + " (" + Math.round(100.0 * answered / sent) + French.NBSP + "%)";
    }

    private static String plural(int count) {
        return count > 1 ? "s" : "";
    }

    private static String period(AuditPackPrint pack) {
        return "du " + French.date(pack.startDate()) + " au " + French.date(pack.endDate());
    }

    private static String generated(AuditPackPrint pack) {
        var local = pack.generateTime().atZone(pack.zone());
        return French.date(local.toLocalDate()) + " à " + TIME.format(local);
    }
}
