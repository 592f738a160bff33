package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.quality.v1.Funder;
import fr.bilan.proto.quality.v1.FunderContact;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.proto.quality.v1.FunderOrigin;
import fr.bilan.proto.quality.v1.FunderSurveyServiceGrpc;
import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.ListFundersRequest;
import fr.bilan.proto.quality.v1.ListSurveyCommentsRequest;
import fr.bilan.proto.quality.v1.RecordFunderRequest;
import fr.bilan.proto.quality.v1.SendFunderSurveysRequest;
import fr.bilan.proto.quality.v1.SendFunderSurveysResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SurveyKind;
import fr.bilan.proto.quality.v1.SurveyServiceGrpc;
import fr.bilan.proto.quality.v1.SurveyState;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.FunderRef;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.survey.SurveyServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * FunderSurveyService over real gRPC, behind the real token check, on the embedded MongoDB: a centre's
 * managers see the funders its bilans of the year name, add one, name their contacts, send the year's survey
 * once; the invitation reaches notification-service's intake (the fake) with the contact as recorded; the
 * funder answers on the same page, which speaks to it; its comment reaches the centre's managers.
 */
class FunderSurveyGrpcTest extends SurveyServiceTestSupport {

    /** Tuesday 20 January 2027, 11:00 in Paris. */
    static final Instant NOW = Instant.parse("2027-01-20T10:00:00Z");
    static final Duration AT_MOST = Duration.ofSeconds(20);
    static final FunderRef DUPONT = new FunderRef(fr.bilan.quality.bilan.FunderKind.EMPLOYER, "Boulangerie Dupont",
            "73282932000074");
    static final FunderRef CDC = new FunderRef(fr.bilan.quality.bilan.FunderKind.CAISSE_DES_DEPOTS,
            "Caisse des Dépôts (Mon Compte Formation)", "");

    @Autowired
    private MongoDatabase database;
    @Autowired
    private FunderSurveyRounds yearly;

    private final String centre = unique("centre");

    private FunderSurveyServiceGrpc.FunderSurveyServiceBlockingStub as(String subject, String centreId, String role) {
        return FunderSurveyServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(subject, List.of(centreId), role)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private FunderSurveyServiceGrpc.FunderSurveyServiceBlockingStub manager() {
        return as("manager-" + centre, centre, "centre-manager");
    }

    /** A bilan of the centre completed on {@code end}, paid for by {@code funder}. */
    private void bilan(LocalDate end, FunderRef funder) {
        String assessment = unique("a");
        intake.take(new BilanRecord(assessment, "beneficiary-of-" + assessment, centre, "consultant-1", Outcome.COMPLETED,
                end.minusMonths(2), end, null, List.of(), null, "EMPLOYER_PLAN", end.minusMonths(2), funder, null, 1));
    }

    private List<Funder> list(int year) {
        return manager().listFunders(ListFundersRequest.newBuilder().setCentreId(centre).setYear(year).build())
                .getFundersList();
    }

    private Funder record(Funder funder) {
        return manager().recordFunder(RecordFunderRequest.newBuilder().setCentreId(centre).setFunder(funder).build())
                .getFunder();
    }

    private SendFunderSurveysResponse send(int year) {
        return manager().sendFunderSurveys(SendFunderSurveysRequest.newBuilder().setCentreId(centre).setYear(year).build());
    }

    private static FunderContact contact(String name, String address) {
        return FunderContact.newBuilder().setName(name).setEmailAddress(address).build();
    }

    private static FunderSurveyInvitation invitation(String surveyId, int count) {
        await().atMost(AT_MOST).until(() -> INTAKE.takenInAbout(surveyId).size() >= count);
        List<NotificationEvent> taken = INTAKE.takenInAbout(surveyId);
        return taken.get(count - 1).getFunderSurveyInvitation();
    }

    @Test
    void theYearsFundersAreListedNamedAndAskedOnceAndTheFunderAnswersOnThePage() {
        clock.set(NOW);
        bilan(LocalDate.of(2026, 3, 2), DUPONT);
        bilan(LocalDate.of(2026, 11, 30), DUPONT);
        bilan(LocalDate.of(2026, 6, 1), CDC);
        bilan(LocalDate.of(2025, 12, 31), DUPONT);

        List<Funder> named = list(2026);
        assertThat(named).extracting(Funder::getName).containsExactly("Boulangerie Dupont",
                "Caisse des Dépôts (Mon Compte Formation)");
        Funder dupont = named.get(0);
        assertThat(dupont.getKind()).isEqualTo(FunderKind.FUNDER_EMPLOYER);
        assertThat(dupont.getSiret()).isEqualTo("73282932000074");
        assertThat(dupont.getOrigin()).isEqualTo(FunderOrigin.FUNDER_FROM_BILANS);
        assertThat(dupont.getBilanCount()).isEqualTo(2);
        assertThat(dupont.hasContact()).isFalse();
        assertThat(dupont.hasSurvey()).isFalse();
        assertThat(list(2025)).singleElement().satisfies(f -> assertThat(f.getId()).isEqualTo(dupont.getId()));
        assertThat(list(0)).as("the current year, 2027, has no bilan ended yet").isEmpty();

        Funder atlas = Funder.newBuilder().setKind(FunderKind.FUNDER_OPCO).setName("Atlas")
                .setContact(contact("Paul Durand", "paul.durand@atlas.example")).build();
        Funder added = record(atlas);
        assertThat(record(atlas)).as("recorded again: the same").isEqualTo(added);
        assertThat(added.getOrigin()).isEqualTo(FunderOrigin.FUNDER_ADDED_BY_HAND);
        // the client sends the funder back as listed, with its contact: its names are no change
        Funder named1 = record(dupont.toBuilder().setContact(contact("Claire Martin", "claire.martin@dupont.example")).build());
        assertThat(record(named1)).isEqualTo(named1);
        assertThat(named1.getId()).isEqualTo(dupont.getId());

        assertThat(list(2026)).extracting(Funder::getName, f -> f.getContact().getEmailAddress()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Atlas", "paul.durand@atlas.example"),
                org.assertj.core.groups.Tuple.tuple("Boulangerie Dupont", "claire.martin@dupont.example"),
                org.assertj.core.groups.Tuple.tuple("Caisse des Dépôts (Mon Compte Formation)", ""));

        SendFunderSurveysResponse first = send(2026);
        assertThat(first.getSentCount()).isEqualTo(2);
        assertThat(first.getWithoutContactCount()).isEqualTo(1);
        assertThat(first.getAlreadyAskedCount()).isZero();
        SendFunderSurveysResponse again = send(2026);
        assertThat(again.getSentCount()).isZero();
        assertThat(again.getWithoutContactCount()).isEqualTo(1);
        assertThat(again.getAlreadyAskedCount()).isEqualTo(2);

        Funder asked = list(2026).get(1);
        assertThat(asked.getSurvey().getYear()).isEqualTo(2026);
        assertThat(asked.getSurvey().getState()).isEqualTo(SurveyState.SENT);
        assertThat(ProtoTime.toInstant(asked.getSurvey().getSentTime())).isEqualTo(NOW);
        assertThat(ProtoTime.toInstant(asked.getSurvey().getExpireTime())).isEqualTo(NOW.plus(Duration.ofDays(21)));
        String surveyId = asked.getSurvey().getId();
        FunderSurveyInvitation invitation = invitation(surveyId, 1);
        assertThat(invitation.getCentreId()).isEqualTo(centre);
        assertThat(invitation.getFunderName()).isEqualTo("Boulangerie Dupont");
        assertThat(invitation.getContactName()).isEqualTo("Claire Martin");
        assertThat(invitation.getEmailAddress()).isEqualTo("claire.martin@dupont.example");
        assertThat(invitation.getYear()).isEqualTo(2026);
        assertThat(invitation.getReminder()).isZero();
        assertThat(invitation.getLinkUrl()).startsWith("https://bilan.example/api/v1/surveyPages/");
        String token = invitation.getLinkUrl().substring(invitation.getLinkUrl().lastIndexOf('/') + 1);

        Document stored = database.getCollection("surveys").find(Filters.eq("_id", surveyId)).first();
        assertThat(stored.getString("kind")).isEqualTo("FUNDER_YEARLY");
        assertThat(stored.getString("assessmentId")).isNull();
        assertThat(stored.getString("funderId")).isEqualTo(dupont.getId());
        assertThat(stored.getInteger("year")).isEqualTo(2026);
        assertThat(stored.get("endDate")).as("in no bilan's cohort").isNull();
        assertThat(stored.toJson()).doesNotContain("claire").doesNotContain("Claire").doesNotContain(token);

        var pages = SurveyServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
        String page = pages.getSurveyPage(GetSurveyPageRequest.newBuilder().setToken(token).build()).getPage().getData()
                .toStringUtf8();
        assertThat(page).contains("Votre avis sur les bilans de compétences que vous avez financés")
                .contains("et achevés en <span>2026</span>").contains("name=\"reactivite\"")
                .contains("name=\"informationDeroulement\"").doesNotContain("votre bilan")
                .doesNotContain("followUpInterview");
        String form = "satisfactionGlobale=5&reactivite=4&informationDeroulement=3&recommandation=oui"
                + "&commentaire=Des+bilans+bien+suivis.&action=submit";
        String thanks = pages.submitSurveyPage(SubmitSurveyPageRequest.newBuilder().setToken(token)
                .setForm(HttpBody.newBuilder().setContentType("application/x-www-form-urlencoded")
                        .setData(ByteString.copyFrom(form, StandardCharsets.UTF_8))).build()).getPage().getData().toStringUtf8();
        assertThat(thanks).contains("Merci pour vos réponses");
        assertThat(list(2026).get(1).getSurvey().getState()).isEqualTo(SurveyState.ANSWERED);
        assertThat(database.getCollection("surveys").find(Filters.eq("_id", surveyId)).first().getBoolean("satisfied"))
                .isTrue();

        var comments = ListSurveyCommentsRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(NOW))
                .setEndTime(ProtoTime.of(NOW.plus(Duration.ofDays(1)))).build();
        var surveys = SurveyServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
        assertThat(surveys.withCallCredentials(bearer(TestIdentityProvider.token("manager-" + centre, List.of(centre),
                "centre-manager"))).listSurveyComments(comments).getCommentsList()).singleElement().satisfies(comment -> {
                    assertThat(comment.getKind()).isEqualTo(SurveyKind.FUNDER_YEARLY);
                    assertThat(comment.getText()).isEqualTo("Des bilans bien suivis.");
                });
        assertThat(codeOf(() -> surveys.withCallCredentials(bearer(TestIdentityProvider.token("auditor-1", List.of(centre),
                "auditor"))).listSurveyComments(comments))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void onlyTheCentresManagersAndBadInputIsRefusedNamingItsFieldNothingWritten() {
        clock.set(NOW);
        bilan(LocalDate.of(2026, 3, 2), DUPONT);
        var list = ListFundersRequest.newBuilder().setCentreId(centre).setYear(2026).build();
        var send = SendFunderSurveysRequest.newBuilder().setCentreId(centre).setYear(2026).build();
        var add = RecordFunderRequest.newBuilder().setCentreId(centre).setFunder(Funder.newBuilder()
                .setKind(FunderKind.FUNDER_REGION).setName("Région Occitanie")).build();
        for (var caller : List.of(as("consultant-1", centre, "consultant"), as("auditor-1", centre, "auditor"),
                as("manager-other", "centre-other", "centre-manager"))) {
            assertThat(codeOf(() -> caller.listFunders(list))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> caller.sendFunderSurveys(send))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> caller.recordFunder(add))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }

        String dupont = list(2026).get(0).getId();
        assertThat(FieldErrors.fieldsOf(() -> manager().recordFunder(RecordFunderRequest.newBuilder().setCentreId(centre)
                .setFunder(Funder.newBuilder().setId(dupont).setContact(contact("Claire", "claire@dupont"))).build())))
                .containsExactly("funder.contact.emailAddress");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordFunder(RecordFunderRequest.newBuilder().setCentreId(centre)
                .setFunder(Funder.newBuilder().setName("Sans type").setSiret("123")).build())))
                .containsExactly("funder.kind", "funder.siret");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordFunder(RecordFunderRequest.newBuilder().setCentreId(centre)
                .setFunder(Funder.newBuilder().setId(dupont).setName("Boulangerie Durand")
                        .setContact(contact("Claire", "claire@dupont.example"))).build())))
                .containsExactly("funder.name");
        assertThat(FieldErrors.fieldsOf(() -> manager().recordFunder(RecordFunderRequest.newBuilder().setCentreId(centre)
                .build()))).containsExactly("funder");
        assertThat(FieldErrors.fieldsOf(() -> manager().listFunders(ListFundersRequest.getDefaultInstance())))
                .containsExactly("centreId");
        assertThat(codeOf(() -> record(Funder.newBuilder().setId("no-such-funder")
                .setContact(contact("Claire", "claire@dupont.example")).build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(list(2026)).singleElement().satisfies(f -> assertThat(f.hasContact()).isFalse());

        assertThat(codeOf(() -> send(2025))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(codeOf(() -> send(2028))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(FieldErrors.fieldsOf(() -> send(0))).containsExactly("year");
        assertThat(FieldErrors.fieldsOf(() -> list(2028))).containsExactly("year");
        assertThat(send(2027).getSentCount()).as("the current year may be asked about").isZero();
    }

    @Test
    void theYearlyDateAsksAboutTheYearBeforeOnceEachCentre() {
        // 15 January 2027 begins at 23:00 UTC the day before, in Paris
        Instant sendDay = Instant.parse("2027-01-14T23:00:00Z");
        clock.set(sendDay.minus(Duration.ofDays(30)));
        bilan(LocalDate.of(2026, 9, 1), DUPONT);
        bilan(LocalDate.of(2026, 10, 1), CDC);
        String dupont = list(2026).get(0).getId();
        record(Funder.newBuilder().setId(dupont).setContact(contact("Claire Martin", "claire@dupont.example")).build());

        clock.set(sendDay.minusSeconds(1));
        yearly.run();
        assertThat(list(2026).get(0).hasSurvey()).isFalse();

        clock.set(sendDay);
        yearly.run();
        Funder asked = list(2026).get(0);
        assertThat(asked.getSurvey().getState()).isEqualTo(SurveyState.SENT);
        assertThat(invitation(asked.getSurvey().getId(), 1).getYear()).isEqualTo(2026);

        // a contact named after the date is not asked by it again (the centre's year is done), but by a manager
        String cdc = list(2026).get(1).getId();
        record(Funder.newBuilder().setId(cdc).setContact(contact("Service relation", "relation@cdc.example")).build());
        clock.set(sendDay.plus(Duration.ofDays(1)));
        yearly.run();
        assertThat(list(2026).get(1).hasSurvey()).isFalse();
        assertThat(INTAKE.takenInAbout(asked.getSurvey().getId())).hasSize(1);
        assertThat(send(2026).getSentCount()).isEqualTo(1);
    }
}
