package fr.bilan.notification.preview;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.bilan.notification.message.CpfDossierState;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.template.Letter;

/**
 * The letters a preview is written from: made-up people, a centre of metropolitan France, dates a week
 * or so after today, so that each kind reads as its reader will get it and names no real person.
 */
public final class SampleLetters {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String BENEFICIARY = "Camille Exemple";
    static final String CONSULTANT = "Dominique Martin";
    static final String CENTRE = "Centre de bilan de compétences (exemple)";
    static final String FUNDER_CONTACT = "Alex Exemple";

    private SampleLetters() {
    }

    /** A letter of {@code kind} as it would be written on {@code today}, linking to {@code application}. */
    public static Letter of(NotificationKind kind, LocalDate today, URI application) {
        LocalDate inAWeek = today.plusDays(7);
        Subject subject = switch (kind) {
            case CONVOCATION, SESSION_REMINDER -> session(inAWeek, "Salle Voltaire", null, 0);
            // a cancellation changes the event: its SEQUENCE is above the convocation's
            case SESSION_CANCELLED -> session(inAWeek, "Salle Voltaire", null, 1);
            // a change shows the other kind of place, so that a preview shows both
            case SESSION_CHANGED -> session(inAWeek, null, "https://visio.exemple.fr/seance-exemple", 1);
            case AGREEMENT_AWAITING_SIGNATURE -> new Subject.Agreement("financement-exemple", today.plusDays(10));
            case AGREEMENT_SIGNATURE_REMINDER -> new Subject.Agreement("financement-exemple", today.plusDays(2));
            case SYNTHESIS_AVAILABLE -> new Subject.Synthesis("bilan-exemple");
            case SURVEY_INVITATION -> new Subject.Survey("enquete-exemple", "bilan-exemple", false, 0,
                    at(today.plusDays(21), LocalTime.MIDNIGHT));
            case SURVEY_REMINDER -> new Subject.Survey("enquete-exemple", "bilan-exemple", true, 1,
                    at(today.plusDays(14), LocalTime.MIDNIGHT));
            // the funders are asked about the year just ended
            case FUNDER_SURVEY_INVITATION -> new Subject.FunderSurvey("enquete-exemple", "OPCO Exemple",
                    today.getYear() - 1, 0, at(today.plusDays(30), LocalTime.MIDNIGHT));
            case FUNDER_SURVEY_REMINDER -> new Subject.FunderSurvey("enquete-exemple", "OPCO Exemple",
                    today.getYear() - 1, 1, at(today.plusDays(20), LocalTime.MIDNIGHT));
            case FOLLOW_UP_ACCEPTED -> new Subject.FollowUp("bilan-exemple", "beneficiaire-exemple", today.minusDays(3));
            case STAFF_DIGEST -> new Subject.Digest(today, List.of(
                    new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, "B-2026-0142",
                            at(today.minusDays(1), LocalTime.of(9, 30))),
                    new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, "B-2026-0157",
                            at(today.minusDays(1), LocalTime.of(14, 0))),
                    new Subject.DigestItem(Subject.DigestItemKind.AGREEMENT_ABOUT_TO_LAPSE, "F-2026-031",
                            at(today.plusDays(2), LocalTime.MIDNIGHT))), List.of(
                    new Subject.CpfDeadlineItem("dossier-exemple-1", "7240165893", CpfDossierState.NOT_PROCESSED,
                            "Répondre à la demande au plus tard le " + numeric(today.minusDays(1)), today.minusDays(1)),
                    new Subject.CpfDeadlineItem("dossier-exemple-2", "7240171204", CpfDossierState.ACCEPTED,
                            "Déclarer l'entrée en formation au plus tard le " + numeric(today.plusDays(1)),
                            today.plusDays(1))), false);
        };
        boolean staff = kind == NotificationKind.STAFF_DIGEST || kind == NotificationKind.FOLLOW_UP_ACCEPTED;
        boolean funder = subject instanceof Subject.FunderSurvey;
        String greeting = staff ? CONSULTANT : funder ? FUNDER_CONTACT : BENEFICIARY;
        String email = staff ? "dominique.martin@exemple.fr" : funder ? "alex.exemple@opco.exemple.fr"
                : "camille.exemple@exemple.fr";
        String consultant = subject instanceof Subject.Session ? CONSULTANT : null;
        String beneficiary = subject instanceof Subject.FollowUp ? BENEFICIARY : null;
        return new Letter(kind, subject, greeting, email, consultant, beneficiary, CENTRE, ZONE, application);
    }

    private static Subject.Session session(LocalDate day, String room, String videoLink, int sequence) {
        return new Subject.Session("bilan-exemple", "seance-exemple", "consultant-exemple", SessionPhase.INVESTIGATION,
                at(day, LocalTime.of(14, 0)), at(day, LocalTime.of(16, 0)), room, videoLink, sequence,
                "bilan-exemple.seance-exemple@bilan-competences");
    }

    /** A day as the CPF deadlines' labels write it: 07/12/2026. */
    private static String numeric(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }
}
