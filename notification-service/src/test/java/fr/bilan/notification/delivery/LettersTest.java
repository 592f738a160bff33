package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.recipient.Reach;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.notification.template.Letter;
import fr.bilan.support.centre.CentreSettings;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.identity.Account;

/** A letter links where its reader acts, carrying identifiers only, and tells times in its centre's zone. */
class LettersTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Centres CENTRES = new Centres(null, Map.of("centre-reunion", new CentreSettings("REUNION", null,
            null, null, null, null, null, null, "Bilans Réunion", "1 rue de Paris, 97400 Saint-Denis", "97 40 12345 97", null, null, null)));
    private static final Letters LETTERS = new Letters(CENTRES, new Recipients(null, subject -> Optional.of(
            new Account(subject, Set.of("consultant"), Set.of("centre-reunion"), "c@example.org", "Claire", "Dubois"))),
            URI.create("https://bilan.example/app/"));

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of(new Subject.Session("a 1", "s1", "k1", SessionPhase.INTAKE, T0, T0.plusSeconds(3600), "Salle 1",
                        null, 0, "uid"), "https://bilan.example/app/assessments/a+1/sessions/s1"),
                Arguments.of(new Subject.Agreement("f1", LocalDate.of(2026, 12, 17)), "https://bilan.example/app/fundings/f1/agreement"),
                Arguments.of(new Subject.Synthesis("a1"), "https://bilan.example/app/assessments/a1/synthesis"),
                Arguments.of(new Subject.Digest(LocalDate.of(2026, 12, 7), List.of()), "https://bilan.example/app/"));
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void eachSubjectLinksWhereItsReaderActs(Subject subject, String link) {
        assertThat(LETTERS.link(subject)).isEqualTo(URI.create(link));
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void aLetterTellsItsCentresNameAndZoneAndASessionItsConsultant(Subject subject, String link) {
        Notification message = Notification.planned("n1", "e1", NotificationKind.CONVOCATION, "centre-reunion",
                new Recipient.Beneficiary("b1"), "a1", subject, T0);

        Letter letter = LETTERS.letter(message, new Reach.Address("camille@example.org", "Camille Martin"), new HashMap<>());

        assertThat(letter.zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
        assertThat(letter.centreName()).isEqualTo("Bilans Réunion");
        assertThat(letter.consultantName()).isEqualTo(subject instanceof Subject.Session ? "Claire Dubois" : null);
        assertThat(letter.greetingName()).isEqualTo("Camille Martin");
        assertThat(letter.link()).isEqualTo(URI.create(link));
    }
}
