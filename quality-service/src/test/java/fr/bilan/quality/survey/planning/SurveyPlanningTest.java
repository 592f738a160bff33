package fr.bilan.quality.survey.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.SurveyInvitation;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.funder.CentreFunders;
import fr.bilan.quality.funder.Funder;
import fr.bilan.quality.funder.FunderContact;
import fr.bilan.quality.funder.FunderDraft;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.SurveyServiceTestSupport;
import fr.bilan.quality.survey.SurveyState;
import fr.bilan.quality.survey.Surveys;

/**
 * The surveys planned from the bilans' facts as the intake keeps them (or asked of a funder), sent through
 * notification-service's intake (the fake, behind its real token check), reminded and lapsed by the rounds,
 * each once.
 */
class SurveyPlanningTest extends SurveyServiceTestSupport {

    static final Instant HANDOVER = Instant.parse("2026-03-02T14:00:00Z");
    static final Duration AT_MOST = Duration.ofSeconds(20);

    @Autowired
    private Surveys surveys;
    @Autowired
    private SurveyRounds rounds;
    @Autowired
    private SurveyAnswering answering;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private CentreFunders funders;

    private List<SurveyInvitation> invitationsOf(String assessmentId, int count) {
        await().atMost(AT_MOST).until(() -> INTAKE.takenInAbout(assessmentId).size() >= count);
        return INTAKE.takenInAbout(assessmentId).stream().map(NotificationEvent::getSurveyInvitation).toList();
    }

    private static String tokenOf(SurveyInvitation invitation) {
        return invitation.getLinkUrl().substring(invitation.getLinkUrl().lastIndexOf('/') + 1);
    }

    @Test
    void theHandOverSendsTheHotSurveyOnceWithALinkTheDatabaseDoesNotHold() {
        String assessment = unique("a");
        clock.set(HANDOVER.plusSeconds(5));
        BilanRecord bilan = handedOver(assessment, LYON, "consultant-1", HANDOVER, 3);

        intake.take(bilan);
        intake.take(bilan);

        List<Survey> planned = surveys.ofAssessment(assessment);
        assertThat(planned).singleElement().satisfies(survey -> {
            assertThat(survey.kind()).isEqualTo(SurveyKind.END_OF_BILAN);
            assertThat(survey.state()).isEqualTo(SurveyState.SENT);
            assertThat(survey.questionnaireVersion()).isEqualTo("reseau-2026-1+centre-lyon-2");
            assertThat(survey.sentTime()).isEqualTo(HANDOVER.plusSeconds(5));
            assertThat(survey.expireTime()).isEqualTo(HANDOVER.plusSeconds(5).plus(Duration.ofDays(21)));
        });
        SurveyInvitation invitation = invitationsOf(assessment, 1).get(0);
        assertThat(invitation.getReminder()).isZero();
        assertThat(invitation.getBeneficiaryId()).isEqualTo("beneficiary-of-" + assessment);
        assertThat(invitation.getCentreId()).isEqualTo(LYON);
        assertThat(invitation.getLinkUrl()).startsWith("https://bilan.example/api/v1/surveyPages/");
        assertThat(answering.open(tokenOf(invitation), clock.instant())).hasValueSatisfying(open -> {
            assertThat(open.surveyId()).isEqualTo(planned.get(0).id());
            assertThat(open.centreName()).isEqualTo("Centre de Lyon");
        });
        Document stored = database.getCollection("surveys").find(Filters.eq("assessmentId", assessment)).first();
        assertThat(stored.toJson()).doesNotContain(tokenOf(invitation));
        assertThat(stored.getString("linkHash")).hasSize(64);

        // retold, and the round after: nothing new
        intake.take(bilan);
        rounds.run();
        await().during(Duration.ofMillis(500)).atMost(AT_MOST)
                .until(() -> INTAKE.takenInAbout(assessment).size() == 1);
    }

    @Test
    void remindersCarryTheSameLinkAfter7And14DaysThenTheLinkLapses() {
        String assessment = unique("a");
        Instant sent = HANDOVER.plus(Duration.ofDays(100));
        clock.set(sent);
        intake.take(handedOver(assessment, "centre-paris", "consultant-1", sent, 1));
        String token = tokenOf(invitationsOf(assessment, 1).get(0));

        clock.set(sent.plus(Duration.ofDays(6)));
        rounds.run();
        assertThat(surveys.ofAssessment(assessment).get(0).reminderTimes()).isEmpty();

        clock.set(sent.plus(Duration.ofDays(7)));
        rounds.run();
        rounds.run();
        List<SurveyInvitation> two = invitationsOf(assessment, 2);
        assertThat(two.get(1).getReminder()).isEqualTo(1);
        assertThat(two.get(1).getLinkUrl()).isEqualTo(two.get(0).getLinkUrl());

        clock.set(sent.plus(Duration.ofDays(14)));
        rounds.run();
        List<SurveyInvitation> three = invitationsOf(assessment, 3);
        assertThat(three.get(2).getReminder()).isEqualTo(2);
        assertThat(tokenOf(three.get(2))).isEqualTo(token);
        assertThat(surveys.ofAssessment(assessment).get(0).reminderTimes()).hasSize(2);
        assertThat(answering.open(token, clock.instant())).isPresent();

        clock.set(sent.plus(Duration.ofDays(21)));
        rounds.run();
        Survey lapsed = surveys.ofAssessment(assessment).get(0);
        assertThat(lapsed.state()).isEqualTo(SurveyState.LAPSED);
        assertThat(answering.open(token, clock.instant())).isEmpty();
        clock.set(sent.plus(Duration.ofDays(30)));
        rounds.run();
        assertThat(INTAKE.takenInAbout(assessment)).hasSize(3);
    }

    @Test
    void aRoundThatMissedADayStillSendsOneReminderAtATime() {
        String assessment = unique("a");
        Instant sent = HANDOVER.plus(Duration.ofDays(200));
        clock.set(sent);
        intake.take(handedOver(assessment, "centre-paris", "consultant-1", sent, 1));
        invitationsOf(assessment, 1);

        clock.set(sent.plus(Duration.ofDays(15)));
        rounds.run();
        assertThat(surveys.ofAssessment(assessment).get(0).reminderTimes()).hasSize(1);
    }

    @Test
    void aCompletedBilanPlansTheColdSurveyForItsFollowUpDayAtNineInTheCentresZone() {
        String assessment = unique("a");
        clock.set(HANDOVER.plusSeconds(1));
        BilanRecord handed = handedOver(assessment, "centre-paris", "consultant-1", HANDOVER, 1);
        intake.take(handed);
        LocalDate end = LocalDate.of(2026, 3, 10);
        LocalDate due = LocalDate.of(2026, 9, 10);
        intake.take(ended(handed, Outcome.COMPLETED, end, due));

        Survey cold = surveys.ofAssessment(assessment).stream().filter(s -> s.kind() == SurveyKind.FOLLOW_UP)
                .findFirst().orElseThrow();
        Instant nine = due.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        assertThat(cold.state()).isEqualTo(SurveyState.PLANNED);
        assertThat(cold.sendTime()).isEqualTo(nine);
        assertThat(cold.questionnaireVersion()).isEqualTo("reseau-2026-1");
        assertThat(surveys.ofAssessment(assessment)).allSatisfy(s -> assertThat(s.endDate()).isEqualTo(end));

        clock.set(nine.minusSeconds(1));
        rounds.run();
        assertThat(surveys.byId(cold.id()).orElseThrow().state()).isEqualTo(SurveyState.PLANNED);
        clock.set(nine);
        rounds.run();
        assertThat(surveys.byId(cold.id()).orElseThrow().state()).isEqualTo(SurveyState.SENT);
        assertThat(invitationsOf(assessment, 2)).extracting(SurveyInvitation::getKind).containsExactly(
                fr.bilan.proto.notification.internal.v1.SurveyKind.SURVEY_KIND_END_OF_BILAN,
                fr.bilan.proto.notification.internal.v1.SurveyKind.SURVEY_KIND_FOLLOW_UP);
    }

    @Test
    void aDropOutIsAskedNothingItsHotSurveyKeptNotSent() {
        String assessment = unique("a");
        clock.set(HANDOVER);
        BilanRecord running = new BilanRecord(assessment, "b-" + assessment, "centre-paris", "consultant-1",
                Outcome.IN_PROGRESS, LocalDate.of(2026, 1, 5), null, null, List.of(), null, "CPF", null, null, null, 1);
        intake.take(running);
        assertThat(surveys.ofAssessment(assessment)).isEmpty();

        intake.take(ended(running, Outcome.ABANDONED, LocalDate.of(2026, 2, 1), null));
        assertThat(surveys.ofAssessment(assessment)).singleElement().satisfies(survey -> {
            assertThat(survey.kind()).isEqualTo(SurveyKind.END_OF_BILAN);
            assertThat(survey.state()).isEqualTo(SurveyState.NOT_SENT);
            assertThat(survey.endDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        });
        rounds.run();
        await().during(Duration.ofMillis(300)).atMost(AT_MOST).until(() -> INTAKE.takenInAbout(assessment).isEmpty());
    }

    @Test
    void anInvitationNotTakenIsDeliveredAgainAndTakenOnce() {
        String assessment = unique("a");
        clock.set(HANDOVER.plus(Duration.ofDays(300)));
        INTAKE.failNext(2);
        intake.take(handedOver(assessment, "centre-paris", "consultant-1", HANDOVER.plus(Duration.ofDays(300)), 1));
        // the relay's backoff runs on the application's clock, which the test moves on
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.set(clock.instant().plusSeconds(1));
            return INTAKE.takenInAbout(assessment).size() == 1;
        });
        assertThat(INTAKE.callsAbout(assessment)).isGreaterThanOrEqualTo(3);
        assertThat(INTAKE.takenInAbout(assessment)).hasSize(1);
    }

    @Test
    void aFundersSurveyIsRemindedAtItsContactAsRecordedThenLapses() {
        String centre = unique("centre");
        Instant sent = Instant.parse("2027-02-01T09:00:00Z");
        clock.set(sent);
        Funder atlas = funders.record(centre, new FunderDraft("", FunderKind.OPCO, "Atlas", "",
                new FunderContact("Paul Durand", "paul.durand@atlas.example")));
        assertThat(funders.send(centre, 2026).sent()).isEqualTo(1);
        String surveyId = funders.list(centre, 2026).get(0).survey().id();
        await().atMost(AT_MOST).until(() -> INTAKE.takenInAbout(surveyId).size() == 1);
        funders.record(centre, new FunderDraft(atlas.id(), null, null, null,
                new FunderContact("Julie Petit", "julie.petit@atlas.example")));

        clock.set(sent.plus(Duration.ofDays(7)));
        rounds.run();
        await().atMost(AT_MOST).until(() -> INTAKE.takenInAbout(surveyId).size() == 2);
        clock.set(sent.plus(Duration.ofDays(14)));
        rounds.run();
        await().atMost(AT_MOST).until(() -> INTAKE.takenInAbout(surveyId).size() == 3);
        List<FunderSurveyInvitation> told = INTAKE.takenInAbout(surveyId).stream()
                .map(NotificationEvent::getFunderSurveyInvitation).toList();
        assertThat(told).extracting(FunderSurveyInvitation::getReminder).containsExactly(0, 1, 2);
        assertThat(told).extracting(FunderSurveyInvitation::getEmailAddress).containsExactly("paul.durand@atlas.example",
                "julie.petit@atlas.example", "julie.petit@atlas.example");
        assertThat(told).extracting(FunderSurveyInvitation::getLinkUrl).containsOnly(told.get(0).getLinkUrl());
        assertThat(surveys.byId(surveyId).orElseThrow().reminderTimes()).hasSize(2);

        clock.set(sent.plus(Duration.ofDays(21)));
        rounds.run();
        assertThat(surveys.byId(surveyId).orElseThrow().state()).isEqualTo(SurveyState.LAPSED);
        String token = told.get(0).getLinkUrl().substring(told.get(0).getLinkUrl().lastIndexOf('/') + 1);
        assertThat(answering.open(token, clock.instant())).isEmpty();
    }

    @Test
    void erasingABilanForgetsItsSurveys() {
        String assessment = unique("a");
        clock.set(HANDOVER);
        intake.take(handedOver(assessment, "centre-paris", "consultant-1", HANDOVER, 1));
        assertThat(surveys.eraseAssessment(assessment)).isEqualTo(1);
        assertThat(surveys.ofAssessment(assessment)).isEmpty();
    }
}
