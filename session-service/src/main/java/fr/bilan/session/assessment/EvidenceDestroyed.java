package fr.bilan.session.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * What is asked of a bilan needs its process evidence (sessions, hours, attendance sheets), which
 * was destroyed as the law provides: kept three years after the end of the action for controls
 * (Code du travail, art. L6362-6), then destroyed. The message says when, in French; a refusal by
 * a rule like the others ({@code FAILED_PRECONDITION}).
 */
public final class EvidenceDestroyed extends RuleRefusal {

    /** Days as the law counts them, wherever the centre is. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);

    /** @param consequence what follows for the request, appended to the reason (« : ce bilan ne change plus »), or empty */
    EvidenceDestroyed(Instant destroyTime, String consequence) {
        super("Les séances, les heures et les feuilles d'émargement de ce bilan ont été détruites le "
                + day(destroyTime) + " : la loi les fait conserver trois ans après la fin de l'action, pour les "
                + "contrôles (Code du travail, art. L6362-6), puis détruire" + consequence + ".");
    }

    /** « 14 janvier 2030 », « 1er mars 2030 ». */
    static String day(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, PARIS);
        return (day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth())) + " " + MONTH_YEAR.format(day);
    }
}
