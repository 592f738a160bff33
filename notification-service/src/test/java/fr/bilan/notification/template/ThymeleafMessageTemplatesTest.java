package fr.bilan.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.notification.message.CpfDossierState;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;

/**
 * Every kind has its template and reads as its reader needs: in French, with a title, the greeting,
 * the facts of what it is about written in the centre's zone, the link to the application, nothing of
 * the bilan's content; session messages carry their {@code .ics} as the table says.
 */
class ThymeleafMessageTemplatesTest {

    static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final URI LINK = URI.create("https://bilan.exemple.fr/espace/seances");
    private static final ThymeleafMessageTemplates TEMPLATES = new ThymeleafMessageTemplates(
            Clock.fixed(NOW, ZoneOffset.UTC), "ne-pas-repondre@centre.exemple.fr");

    /** Tuesday 8 December 2026, 14:00 to 16:00 in Paris. */
    static Subject.Session session(String room, String videoLink) {
        return new Subject.Session("assessment-7f3a", "session-2", "consultant-9", SessionPhase.INVESTIGATION,
                Instant.parse("2026-12-08T13:00:00Z"), Instant.parse("2026-12-08T15:00:00Z"), room, videoLink, 3,
                "assessment-7f3a.session-2@bilan-competences");
    }

    static Subject subjectOf(NotificationKind kind) {
        return switch (kind) {
            case CONVOCATION, SESSION_CHANGED, SESSION_CANCELLED, SESSION_REMINDER -> session("Salle Voltaire", null);
            case AGREEMENT_AWAITING_SIGNATURE, AGREEMENT_SIGNATURE_REMINDER ->
                    new Subject.Agreement("funding-31", LocalDate.of(2026, 12, 11));
            case SYNTHESIS_AVAILABLE -> new Subject.Synthesis("assessment-7f3a");
            // the link lapses at 11:00 in Paris on Tuesday 22 December: that day is the last
            case SURVEY_INVITATION -> new Subject.Survey("survey-5", "assessment-7f3a", false, 0,
                    Instant.parse("2026-12-22T10:00:00Z"));
            case SURVEY_REMINDER -> new Subject.Survey("survey-5", "assessment-7f3a", true, 1,
                    Instant.parse("2026-12-22T10:00:00Z"));
            // the link lapses at 11:00 in Paris on Friday 29 January 2027: that day is the last
            case FUNDER_SURVEY_INVITATION -> new Subject.FunderSurvey("survey-9", "OPCO Atlas", 2026, 0,
                    Instant.parse("2027-01-29T10:00:00Z"));
            case FUNDER_SURVEY_REMINDER -> new Subject.FunderSurvey("survey-9", "OPCO Atlas", 2026, 2,
                    Instant.parse("2027-01-29T10:00:00Z"));
            case FOLLOW_UP_ACCEPTED -> new Subject.FollowUp("assessment-7f3a", "beneficiary-4", LocalDate.of(2027, 6, 1));
            case STAFF_DIGEST -> new Subject.Digest(LocalDate.of(2026, 12, 1), List.of(
                    new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, "assessment-7f3a",
                            Instant.parse("2026-11-30T08:30:00Z")),
                    new Subject.DigestItem(Subject.DigestItemKind.AGREEMENT_ABOUT_TO_LAPSE, "funding-31",
                            Instant.parse("2026-12-02T23:00:00Z"))), List.of(
                    new Subject.CpfDeadlineItem("dossier-2", "7240171204", CpfDossierState.ACCEPTED,
                            "Déclarer l'entrée en formation au plus tard le 02/12/2026", LocalDate.of(2026, 12, 2)),
                    new Subject.CpfDeadlineItem("dossier-1", "7240165893", CpfDossierState.NOT_PROCESSED,
                            "Répondre à la demande au plus tard le 30/11/2026", LocalDate.of(2026, 11, 30))), false);
        };
    }

    static Letter letter(NotificationKind kind, Subject subject) {
        return new Letter(kind, subject, "Camille Exemple", "camille@exemple.fr",
                subject instanceof Subject.Session ? "Dominique Martin" : null,
                subject instanceof Subject.FollowUp ? "Camille Martin" : null, "Centre Horizon", PARIS, LINK);
    }

    /** Per kind: the start of its subject line, and what a reader must find in both parts. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(NotificationKind.CONVOCATION, "Convocation : séance de bilan de compétences le mardi 8 décembre 2026 à 14 h",
                        List.of("mardi 8 décembre 2026", "de 14 h à 16 h", "heure de Paris", "Salle Voltaire",
                                "Dominique Martin", "phase d’investigation", "seance.ics")),
                Arguments.of(NotificationKind.SESSION_CHANGED, "Séance modifiée : votre séance a lieu le mardi 8 décembre 2026 à 14 h",
                        List.of("mardi 8 décembre 2026", "de 14 h à 16 h", "Salle Voltaire", "seance.ics")),
                Arguments.of(NotificationKind.SESSION_CANCELLED, "Séance annulée : votre séance du mardi 8 décembre 2026 à 14 h n’aura pas lieu",
                        List.of("mardi 8 décembre 2026", "n’aura pas lieu", "seance.ics")),
                Arguments.of(NotificationKind.SESSION_REMINDER, "Rappel : votre séance de bilan de compétences le mardi 8 décembre 2026 à 14 h",
                        List.of("mardi 8 décembre 2026", "Salle Voltaire", "désactiver")),
                Arguments.of(NotificationKind.AGREEMENT_AWAITING_SIGNATURE,
                        "Votre convention de bilan de compétences est à signer au plus tard le vendredi 11 décembre 2026",
                        List.of("vendredi 11 décembre 2026 inclus", "considérée comme refusée", "R6313-8")),
                Arguments.of(NotificationKind.AGREEMENT_SIGNATURE_REMINDER,
                        "Rappel : votre convention de bilan de compétences est à signer au plus tard le vendredi 11 décembre 2026",
                        List.of("vendredi 11 décembre 2026 inclus", "considérée comme refusée", "désactiver")),
                Arguments.of(NotificationKind.SYNTHESIS_AVAILABLE, "Votre document de synthèse est disponible dans votre espace",
                        List.of("n’est pas joint à ce message", "sans votre accord")),
                Arguments.of(NotificationKind.SURVEY_INVITATION, "Votre avis sur votre bilan de compétences",
                        List.of("questionnaire de satisfaction", "mardi 22 décembre 2026 inclus", "sans votre nom",
                                "Répondre au questionnaire")),
                Arguments.of(NotificationKind.SURVEY_REMINDER, "Rappel : votre avis sur votre bilan de compétences",
                        List.of("six mois après votre bilan", "entretien de suivi", "mardi 22 décembre 2026 inclus",
                                "désactiver")),
                Arguments.of(NotificationKind.FUNDER_SURVEY_INVITATION,
                        "Votre avis sur les bilans de compétences de l’année 2026",
                        List.of("Centre Horizon recueille chaque année l’avis des financeurs", "pour votre organisme, OPCO Atlas,",
                                "bilans de l’année 2026", "vendredi 29 janvier 2027 inclus", "Répondre au questionnaire",
                                "adressez-vous au centre qui vous écrit")),
                Arguments.of(NotificationKind.FUNDER_SURVEY_REMINDER,
                        "Rappel : votre avis sur les bilans de compétences de l’année 2026",
                        List.of("l’avis de votre organisme, OPCO Atlas, sur", "l’année 2026", "Il n’est pas trop tard",
                                "vendredi 29 janvier 2027 inclus", "adressez-vous au centre qui vous écrit")),
                Arguments.of(NotificationKind.FOLLOW_UP_ACCEPTED, "Entretien de suivi accepté : un rendez-vous à planifier",
                        List.of("Camille Martin a accepté l’entretien de suivi", "à partir du mardi 1er juin 2027",
                                "comme séance d’entretien de suivi", "Planifier l’entretien de suivi",
                                "rien du contenu du bilan")),
                Arguments.of(NotificationKind.STAFF_DIGEST, "Récapitulatif du mardi 1er décembre 2026 : 4 points à traiter",
                        List.of("Feuilles d’émargement en attente de signature (1)", "lundi 30 novembre 2026 à 9 h 30", "assessment-7f3a",
                                "Conventions non signées qui expirent bientôt (1)", "funding-31",
                                "jeudi 3 décembre 2026", "Dossiers CPF à échéance (2)", "7240165893", "(à traiter)",
                                "Répondre à la demande au plus tard le 30/11/2026", "7240171204", "(accepté)",
                                "Déclarer l’entrée en formation au plus tard le 02/12/2026", "En retard",
                                "Échéance demain")));
    }

    @Test
    void theTableCoversEveryKind() {
        assertThat(kinds().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) NotificationKind.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindIsWrittenInFrenchWithItsFactsAndTheLink(NotificationKind kind, String subjectLine, List<String> facts) {
        RenderedMessage message = TEMPLATES.render(letter(kind, subjectOf(kind)));

        // the digest's v2 added its CPF dossiers
        assertThat(message.templateVersion()).isEqualTo(kind.name().toLowerCase().replace('_', '-')
                + (kind == NotificationKind.STAFF_DIGEST ? "/v2" : "/v1"));
        assertThat(message.subject()).isEqualTo(subjectLine);
        assertThat(message.html())
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"fr\">", "<title>" + subjectLine + "</title>", "<h1>", "<main>",
                        "Bonjour <span>Camille Exemple</span>,", "href=\"" + LINK + "\"", "Centre Horizon")
                .doesNotContain(" th:", "xmlns:th", "${", "[(", "Titre du message", "Objet du message");
        assertThat(message.text())
                .contains("Bonjour Camille Exemple,", ": " + LINK, "Centre Horizon")
                .doesNotContain("${", "[(", "[#", "[/]", "<", "&nbsp;", "\n\n\n");
        for (String fact : facts) {
            // as a browser shows it: without the markup, the lines of the source joined
            assertThat(message.html().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").replace("&nbsp;", "\u00a0"))
                    .as("the HTML part of %s says %s", kind, fact).contains(fact);
            assertThat(message.text()).as("the text part of %s says %s", kind, fact).contains(fact);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NotificationKind.class)
    void onlyConvocationsChangesAndCancellationsCarryAnIcs(NotificationKind kind) {
        boolean carries = switch (kind) {
            case CONVOCATION, SESSION_CHANGED, SESSION_CANCELLED -> true;
            default -> false;
        };
        RenderedMessage message = TEMPLATES.render(letter(kind, subjectOf(kind)));

        assertThat(message.attachments()).extracting(RenderedMessage.Attachment::fileName)
                .isEqualTo(carries ? List.of("seance.ics") : List.of());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NotificationKind.class, names = "STAFF_DIGEST", mode = EnumSource.Mode.EXCLUDE)
    void aBeneficiaryMessageNamesNeitherTheBilanNorItsSessionsByTheirIds(NotificationKind kind) {
        RenderedMessage message = TEMPLATES.render(letter(kind, subjectOf(kind)));

        assertThat(message.subject() + message.html() + message.text())
                .doesNotContain("assessment-7f3a", "session-2", "consultant-9", "funding-31");
    }

    @Test
    void onlyRemindersSayTheyCanBeTurnedOff() {
        for (NotificationKind kind : NotificationKind.values()) {
            RenderedMessage message = TEMPLATES.render(letter(kind, subjectOf(kind)));
            assertThat(message.html().contains("désactiver")).as("HTML of %s", kind).isEqualTo(kind.reminder());
            assertThat(message.text().contains("désactiver")).as("text of %s", kind).isEqualTo(kind.reminder());
        }
    }

    @Test
    void onlyBeneficiariesAreToldTheMessageHoldsNothingOfTheirBilan() {
        for (NotificationKind kind : NotificationKind.values()) {
            RenderedMessage message = TEMPLATES.render(letter(kind, subjectOf(kind)));
            boolean beneficiary = !EnumSet.of(NotificationKind.STAFF_DIGEST, NotificationKind.FOLLOW_UP_ACCEPTED,
                    NotificationKind.FUNDER_SURVEY_INVITATION, NotificationKind.FUNDER_SURVEY_REMINDER).contains(kind);
            assertThat(message.text().contains("rien du contenu de votre bilan")).as("text of %s", kind)
                    .isEqualTo(beneficiary);
            assertThat(message.html().contains("rien du contenu de votre bilan")).as("HTML of %s", kind)
                    .isEqualTo(beneficiary);
        }
    }

    @Test
    void aFollowUpWhoseBeneficiaryHasNoNameSaysYourBeneficiary() {
        Letter letter = new Letter(NotificationKind.FOLLOW_UP_ACCEPTED, subjectOf(NotificationKind.FOLLOW_UP_ACCEPTED),
                "Dominique Martin", "dominique@exemple.fr", null, " ", "Centre Horizon", PARIS, LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.text()).contains("Votre bénéficiaire a accepté l’entretien de suivi");
    }

    @Test
    void aFunderAndItsContactAreWrittenAsTextNeverAsMarkup() {
        Letter letter = new Letter(NotificationKind.FUNDER_SURVEY_INVITATION, new Subject.FunderSurvey("survey-9",
                "<b>OPCO</b> & Co", 2026, 0, Instant.parse("2027-01-29T10:00:00Z")), "<script>x</script>",
                "alex@opco.exemple.fr", null, null, "Centre Horizon", PARIS, LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.html()).contains("&lt;b&gt;OPCO&lt;/b&gt; &amp; Co", "&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void aRemoteSessionGivesItsVideoLinkAsALink() {
        RenderedMessage message = TEMPLATES.render(letter(NotificationKind.CONVOCATION,
                session(null, "https://visio.exemple.fr/abc?x=1&y=2")));

        assertThat(message.html()).contains("<a href=\"https://visio.exemple.fr/abc?x=1&amp;y=2\">")
                .doesNotContain("dans les locaux");
        assertThat(message.text()).contains("Lieu : en visioconférence, https://visio.exemple.fr/abc?x=1&y=2");
    }

    @Test
    void aVideoLinkThatIsNoWebAddressIsShownAsTextNeverAsALink() {
        RenderedMessage message = TEMPLATES.render(letter(NotificationKind.CONVOCATION,
                session(null, "javascript:alert(1)")));

        assertThat(message.html()).contains("javascript:alert(1)").doesNotContain("href=\"javascript:");
    }

    @Test
    void namesAreWrittenAsTextNeverAsMarkup() {
        Letter letter = new Letter(NotificationKind.CONVOCATION, session("<b>Salle</b>", null), "<script>x</script> O'Brien",
                "camille@exemple.fr", "Dominique <i>Martin</i>", null, "Centre & Co", PARIS, LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.html()).contains("&lt;script&gt;x&lt;/script&gt; O&#39;Brien", "&lt;b&gt;Salle&lt;/b&gt;",
                "Dominique &lt;i&gt;Martin&lt;/i&gt;", "Centre &amp; Co").doesNotContain("<script>", "<i>", "<b>");
        assertThat(message.text()).contains("Bonjour <script>x</script> O'Brien,");
    }

    @Test
    void whatANameSaysIsNeverEvaluatedAsTemplate() {
        Letter letter = new Letter(NotificationKind.CONVOCATION, session("[(${link})]", null), "[(${signature})] ${link}",
                "camille@exemple.fr", "[# th:text=\"${link}\"]x[/]", null, "Centre Horizon", PARIS, LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.text()).contains("Bonjour [(${signature})] ${link},", "Lieu : [(${link})], dans",
                "Avec : [# th:text=\"${link}\"]x[/]");
    }

    @Test
    void timesAreWrittenInTheCentresZone() {
        Letter letter = new Letter(NotificationKind.SESSION_REMINDER, session("Salle 1", null), "Camille Exemple",
                "camille@exemple.fr", null, null, "Centre de Saint-Denis", ZoneId.of("Indian/Reunion"), LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.subject()).endsWith("le mardi 8 décembre 2026 à 17 h");
        assertThat(message.text()).contains("de 17 h à 19 h (heure de La Réunion)").doesNotContain("Avec :");
    }

    @Test
    void aCentreWithoutANameSignsAsTheCentre() {
        Letter letter = new Letter(NotificationKind.SYNTHESIS_AVAILABLE, new Subject.Synthesis("a"), "Camille Exemple",
                "camille@exemple.fr", null, null, "", PARIS, LINK);

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.text()).contains("Cordialement,\nVotre centre de bilan de compétences");
    }

    @Test
    void anEmptyDigestSaysThereIsNothingToDo() {
        RenderedMessage message = TEMPLATES.render(letter(NotificationKind.STAFF_DIGEST,
                new Subject.Digest(LocalDate.of(2026, 12, 1), List.of())));

        assertThat(message.subject()).isEqualTo("Récapitulatif du mardi 1er décembre 2026 : rien à traiter");
        assertThat(message.text()).contains("Rien ne demande votre attention aujourd’hui.").doesNotContain("Feuilles");
    }

    @Test
    void theCpfDossiersOfADigestComeOverdueFirstEachWithItsLinkAndNoBeneficiary() {
        Letter letter = new Letter(NotificationKind.STAFF_DIGEST, subjectOf(NotificationKind.STAFF_DIGEST),
                "Dominique Martin", "dominique@exemple.fr", null, null, "Centre Horizon", PARIS,
                URI.create("https://bilan.exemple.fr/app/"));

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.html()).containsSubsequence("<strong>En retard</strong>",
                "<a href=\"https://bilan.exemple.fr/app/cpf-dossiers/dossier-1\">dossier CPF n°&nbsp;<span>7240165893</span></a>",
                "<strong>Échéance demain</strong>",
                "<a href=\"https://bilan.exemple.fr/app/cpf-dossiers/dossier-2\">dossier CPF n°&nbsp;<span>7240171204</span></a>");
        assertThat(message.text()).containsSubsequence(
                "  - En retard : dossier CPF n° 7240165893 (à traiter). Répondre à la demande au plus tard le 30/11/2026\n"
                        + "    https://bilan.exemple.fr/app/cpf-dossiers/dossier-1\n",
                "  - Échéance demain : dossier CPF n° 7240171204 (accepté).")
                .doesNotContain("n’ont pas pu être lues");
    }

    @Test
    void aDigestWhoseCpfDeadlinesCouldNotBeReadSaysSoAndWhereToLook() {
        Letter letter = new Letter(NotificationKind.STAFF_DIGEST, new Subject.Digest(LocalDate.of(2026, 12, 1), List.of(),
                List.of(), true), "Dominique Martin", "dominique@exemple.fr", null, null, "Centre Horizon", PARIS,
                URI.create("https://bilan.exemple.fr/"));

        RenderedMessage message = TEMPLATES.render(letter);

        assertThat(message.subject()).isEqualTo("Récapitulatif du mardi 1er décembre 2026 : échéances CPF non lues");
        assertThat(message.html()).contains("Les échéances CPF n’ont pas pu être lues&nbsp;:</strong> consultez\n"
                + "    <a href=\"https://bilan.exemple.fr/cpf-dossiers\">la liste des dossiers CPF</a>.")
                .doesNotContain("Rien ne demande", "Dossiers CPF à échéance");
        assertThat(message.text()).contains("Les échéances CPF n’ont pas pu être lues : consultez la liste des dossiers "
                + "CPF (https://bilan.exemple.fr/cpf-dossiers).").doesNotContain("Rien ne demande");
    }

    @Test
    void theFirstDigestWordingStaysReadable() {
        // a digest recorded as sent with v1 is shown again with v1: its files stay
        assertThat(ThymeleafMessageTemplatesTest.class.getResource("/templates/messages/staff-digest/v1/body.html"))
                .isNotNull();
    }

    @Test
    void aMessageAboutWhatItsKindIsNotAboutIsAProgrammingError() {
        assertThatThrownBy(() -> TEMPLATES.render(letter(NotificationKind.CONVOCATION, new Subject.Synthesis("a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TEMPLATES.render(letter(NotificationKind.SYNTHESIS_AVAILABLE,
                subjectOf(NotificationKind.STAFF_DIGEST)))).isInstanceOf(IllegalArgumentException.class);
    }
}
