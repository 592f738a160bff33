package fr.bilan.session.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.api.HttpBody;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.CalendarFeedServiceGrpc;
import fr.bilan.proto.session.v1.CancelSessionRequest;
import fr.bilan.proto.session.v1.CreateAssessmentRequest;
import fr.bilan.proto.session.v1.CreateCalendarFeedRequest;
import fr.bilan.proto.session.v1.DeliveryFormat;
import fr.bilan.proto.session.v1.GetCalendarFeedRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.RevokeCalendarFeedRequest;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.security.SecretPathTokens;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Calendar feeds over gRPC as calendar applications and their owners use them: sessions booked
 * through the real API, the feed read without a token and parsed back with ical4j.
 */
class CalendarFeedGrpcTest extends SessionServiceTestSupport {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final String REUNION = "centre-reunion";

    @Test
    void aConsultantsFeedHoldsTheSessionsTheyLeadAndNamesNoBeneficiary() throws Exception {
        String consultant = newConsultantId();
        Beneficiary first = newBeneficiary(consultant);
        Beneficiary second = newBeneficiary(consultant);
        Assessment onSite = openBilan(consultant, first);
        Assessment remote = openBilan(consultant, second);
        Session inRoom = book(consultant, onSite, session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS,
                "salle-" + consultant));
        Session called = book(consultant, onSite, session(Phase.INTAKE, "2026-11-27T10:00", TWO_HOURS,
                "salle-" + consultant));
        Session byVideo = book(consultant, remote, session(Phase.PRELIMINARY_PHASE, "2026-12-02T14:00", TWO_HOURS, "")
                .clearRoomId().setVideoLink("https://visio.example.fr/" + consultant));
        assessments(consultant(consultant)).cancelSession(CancelSessionRequest.newBuilder()
                .setAssessmentId(onSite.getId()).setSessionId(called.getId()).setReason("Mme Durand est souffrante")
                .build());
        String colleague = newConsultantId();
        book(colleague, openBilan(colleague), session(Phase.INTAKE, "2026-11-25T10:00", TWO_HOURS, "salle-" + colleague));

        String text = read(createFeed(consultant(consultant)));
        Map<String, VEvent> events = events(text);

        assertThat(events).containsOnlyKeys(uid(onSite, inRoom), uid(onSite, called), uid(remote, byVideo));
        VEvent room = events.get(uid(onSite, inRoom));
        assertThat(value(room, Property.SUMMARY)).isEqualTo("Bilan de compétences — entretien préalable");
        assertThat(value(room, Property.LOCATION)).isEqualTo("salle-" + consultant);
        assertThat(value(room, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(room, Property.DESCRIPTION)).isEqualTo("Bilan " + onSite.getId());
        assertThat(value(room, Property.SEQUENCE)).isEqualTo("0");
        VEvent video = events.get(uid(remote, byVideo));
        assertThat(value(video, Property.SUMMARY)).isEqualTo("Bilan de compétences — phase préliminaire");
        assertThat(value(video, Property.LOCATION)).isEqualTo("Visioconférence");
        assertThat(value(video, Property.URL)).isEqualTo("https://visio.example.fr/" + consultant);
        assertThat(value(video, Property.DESCRIPTION)).contains("https://visio.example.fr/" + consultant);
        VEvent cancelled = events.get(uid(onSite, called));
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("1");
        assertThat(unfolded(text)).doesNotContain(first.getId(), first.getAccountId(), second.getId(),
                second.getAccountId(), "Durand");
        assertThat(database.getCollection(AccessRecords.COLLECTION).find(Filters.and(
                        Filters.eq("operation", "calendar-feed.get"), Filters.eq("actor", consultant)))
                .map(record -> record.getString("beneficiaryId")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder(first.getId(), second.getId());
    }

    @Test
    void aBeneficiarysFeedHoldsTheSessionsOfTheirOwnBilansOnly() throws Exception {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Beneficiary another = newBeneficiary(consultant);
        Assessment theirs = openBilan(consultant, beneficiary);
        Assessment notTheirs = openBilan(consultant, another);
        Session own = book(consultant, theirs, session(Phase.INTAKE, "2026-11-26T14:00", TWO_HOURS,
                "salle-a-" + consultant));
        book(consultant, notTheirs, session(Phase.INTAKE, "2026-11-30T14:00", TWO_HOURS, "salle-b-" + consultant));

        String text = read(createFeed(beneficiaryLogin(beneficiary)));

        assertThat(events(text)).containsOnlyKeys(uid(theirs, own));
        assertThat(events(text).get(uid(theirs, own)).getProperty(Property.DESCRIPTION)).isEmpty();
        assertThat(unfolded(text)).doesNotContain(notTheirs.getId(), another.getId(), another.getAccountId());
    }

    @Test
    void showsTheRightTimesAcrossDaylightSavingChangesAndOverseas() throws Exception {
        String consultant = newConsultantId();
        Assessment bilan = openBilan(consultant);
        // Paris moves to summer time on 28 March 2027, back to winter time on 31 October 2027
        Map<String, Instant> expected = Map.of(
                book(consultant, bilan, session(Phase.INTAKE, "2027-03-26T10:00", TWO_HOURS, "salle-" + consultant)).getId(),
                Instant.parse("2027-03-26T09:00:00Z"),
                book(consultant, bilan, session(Phase.INTAKE, "2027-03-29T10:00", TWO_HOURS, "salle-" + consultant)).getId(),
                Instant.parse("2027-03-29T08:00:00Z"),
                book(consultant, bilan, session(Phase.INTAKE, "2027-10-29T10:00", TWO_HOURS, "salle-" + consultant)).getId(),
                Instant.parse("2027-10-29T08:00:00Z"),
                book(consultant, bilan, session(Phase.INTAKE, "2027-11-02T10:00", TWO_HOURS, "salle-" + consultant)).getId(),
                Instant.parse("2027-11-02T09:00:00Z"));
        String overseas = newConsultantId();
        String overseasToken = TestIdentityProvider.token(overseas, List.of(REUNION), "consultant");
        Assessment reunionBilan = openReunionBilan(overseas, overseasToken);
        // La Réunion keeps UTC+4 all year: 10:00 there is 06:00 UTC, in March as in November
        Session reunion = assessments(overseasToken).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(reunionBilan.getId()).setSession(session(Phase.INTAKE, "2027-03-29T10:00", TWO_HOURS,
                        "salle-" + overseas).setStartTime(ProtoTime.of(LocalDateTime.parse("2027-03-29T10:00")
                        .atZone(ZoneId.of("Indian/Reunion")).toInstant())))
                .build()).getSession();

        Map<String, VEvent> paris = events(read(createFeed(consultant(consultant))));
        Map<String, VEvent> reunionFeed = events(read(createFeed(overseasToken)));

        expected.forEach((sessionId, start) -> {
            VEvent event = paris.get(bilan.getId() + "." + sessionId + "@bilan-competences");
            assertThat(instant(event.getDateTimeStart().getDate())).isEqualTo(start);
            assertThat(instant(event.getDateTimeEnd().getDate())).isEqualTo(start.plus(TWO_HOURS));
        });
        assertThat(instant(reunionFeed.get(uid(reunionBilan, reunion)).getDateTimeStart().getDate())).isEqualTo(Instant.parse("2027-03-29T06:00:00Z"));
    }

    @Test
    void aNewUrlReplacesThePreviousOneAndARevokedOneIsAsUnknownAsAnyOther() {
        String consultant = newConsultantId();
        String first = createFeed(consultant(consultant));
        assertThat(read(first)).startsWith("BEGIN:VCALENDAR");

        String second = createFeed(consultant(consultant));
        StatusRuntimeException replaced = refusal(first);
        assertThat(read(second)).startsWith("BEGIN:VCALENDAR");
        assertThat(feeds(consultant(consultant)).revokeCalendarFeed(RevokeCalendarFeedRequest.getDefaultInstance())
                .getRevoked()).isTrue();
        StatusRuntimeException revoked = refusal(second);
        StatusRuntimeException unknown = refusal(CalendarFeedGrpcService.PATH + SecretPathTokens.newToken());
        StatusRuntimeException malformed = refusal(CalendarFeedGrpcService.PATH + "pas-un-jeton");

        for (StatusRuntimeException refused : List.of(replaced, revoked, unknown, malformed)) {
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(refused.getStatus().getDescription()).isEqualTo(revoked.getStatus().getDescription());
        }
        assertThat(feeds(consultant(consultant)).revokeCalendarFeed(RevokeCalendarFeedRequest.getDefaultInstance())
                .getRevoked()).isFalse();
    }

    @Test
    void keepsOnlyTheHashOfTheToken() {
        String consultant = newConsultantId();
        String token = token(createFeed(consultant(consultant)));

        Document stored = database.getCollection(CalendarFeedRepository.COLLECTION)
                .find(Filters.eq("subject", consultant)).first();

        assertThat(token).hasSize(43);
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token).contains(SecretPathTokens.hash(token));
    }

    private static Assessment openReunionBilan(String consultantId, String token) {
        String id = UUID.randomUUID().toString();
        FakeBeneficiaryService.register(Beneficiary.newBuilder().setId(id).setCentreId(REUNION)
                .setAccountId("account-" + id).addConsultantIds(consultantId).build());
        return assessments(token).createAssessment(CreateAssessmentRequest.newBuilder()
                .setAssessment(Assessment.newBuilder().setBeneficiaryId(id).setFormat(DeliveryFormat.HYBRID))
                .build()).getAssessment();
    }

    private static CalendarFeedServiceGrpc.CalendarFeedServiceBlockingStub feeds(String token) {
        return anonymousFeeds().withCallCredentials(bearer(token));
    }

    /** As a calendar application calls: no token. */
    private static CalendarFeedServiceGrpc.CalendarFeedServiceBlockingStub anonymousFeeds() {
        return CalendarFeedServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String createFeed(String token) {
        String path = feeds(token).createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance()).getUrlPath();
        assertThat(path).startsWith(CalendarFeedGrpcService.PATH);
        return path;
    }

    private static String token(String urlPath) {
        return urlPath.substring(CalendarFeedGrpcService.PATH.length());
    }

    private static String read(String urlPath) {
        HttpBody body = anonymousFeeds().getCalendarFeed(GetCalendarFeedRequest.newBuilder().setToken(token(urlPath))
                .build()).getBody();
        assertThat(body.getContentType()).isEqualTo("text/calendar; charset=utf-8");
        return body.getData().toString(StandardCharsets.UTF_8);
    }

    private static StatusRuntimeException refusal(String urlPath) {
        try {
            read(urlPath);
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the feed was served");
    }

    /** The feed's events by UID, parsed back by ical4j. */
    private static Map<String, VEvent> events(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.validate().getEntries()).as("RFC 5545 and 5546 as ical4j checks them").isEmpty();
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("REFRESH-INTERVAL")).isPresent();
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(event -> value(event, Property.UID), Function.identity()));
    }

    private static String uid(Assessment bilan, Session session) {
        return bilan.getId() + "." + session.getId() + "@bilan-competences";
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    private static Instant instant(Temporal time) {
        return OffsetDateTime.from(time).toInstant();
    }

    /** RFC 5545 folds long lines: a name cut in two would hide from a plain search. */
    private static String unfolded(String text) {
        return text.replace("\r\n ", "");
    }
}
