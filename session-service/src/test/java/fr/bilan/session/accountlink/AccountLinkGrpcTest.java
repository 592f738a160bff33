package fr.bilan.session.accountlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.CalendarFeedServiceGrpc;
import fr.bilan.proto.session.v1.CreateCalendarFeedRequest;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetCalendarFeedRequest;
import fr.bilan.proto.session.v1.ListAssessmentsRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.session.FakeBeneficiaryService;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/**
 * A beneficiary reaches their bilans through the login linked to them now, as beneficiary-service
 * says it (RecordAccountLink): linked after the bilan was opened, they read it, its sessions and
 * their calendar; unlinked or moved to another record, they no longer do.
 */
class AccountLinkGrpcTest extends SessionServiceTestSupport {

    private static AccountLinkServiceGrpc.AccountLinkServiceBlockingStub links(String token) {
        return AccountLinkServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static boolean link(String beneficiaryId, String accountId, long version) {
        return links(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE))
                .recordAccountLink(RecordAccountLinkRequest.newBuilder().setBeneficiaryId(beneficiaryId)
                        .setAccountId(accountId).setBeneficiaryVersion(version).build()).getApplied();
    }

    private static Status.Code readAs(String login, Assessment bilan) {
        return codeOf(() -> assessments(TestIdentityProvider.token(login, "beneficiary"))
                .getAssessment(GetAssessmentRequest.newBuilder().setId(bilan.getId()).build()));
    }

    private static List<String> listedFor(String login) {
        return assessments(TestIdentityProvider.token(login, "beneficiary"))
                .listAssessments(ListAssessmentsRequest.getDefaultInstance()).getAssessmentsList().stream()
                .map(Assessment::getId).toList();
    }

    private static String feedOf(String login) {
        var feeds = CalendarFeedServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(login, "beneficiary")))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        String path = feeds.createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance()).getUrlPath();
        return CalendarFeedServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getCalendarFeed(GetCalendarFeedRequest.newBuilder().setToken(path.substring(path.lastIndexOf('/') + 1))
                        .build()).getBody().getData().toString(StandardCharsets.UTF_8)
                .replace("\r\n ", ""); // unfolded (RFC 5545 folds long lines)
    }

    @Test
    void aLoginLinkedAfterTheBilanWasOpenedReachesItAndAnUnlinkedOneNoLonger() {
        String consultant = newConsultantId();
        String id = UUID.randomUUID().toString();
        // opened for a beneficiary with no login yet
        Beneficiary noLogin = Beneficiary.newBuilder().setId(id).setCentreId(CENTRE).setEtag("1")
                .addConsultantIds(consultant).build();
        FakeBeneficiaryService.register(noLogin);
        Assessment bilan = openBilan(consultant, noLogin);
        var session = book(consultant, bilan, session(Phase.INTAKE, "2026-11-25T10:00", Duration.ofHours(1),
                "salle-" + consultant));
        String login = "account-" + UUID.randomUUID();
        assertThat(readAs(login, bilan)).isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(link(id, login, 2)).isTrue();

        assertThat(readAs(login, bilan)).isEqualTo(Status.Code.OK);
        assertThat(listedFor(login)).containsExactly(bilan.getId());
        assertThat(assessments(TestIdentityProvider.token(login, "beneficiary")).listSessions(ListSessionsRequest
                .newBuilder().setAssessmentId(bilan.getId()).build()).getSessionsList()).hasSize(1);
        assertThat(feedOf(login)).contains(session.getId());

        // the login moved to another record: out of reach, its calendar empty
        assertThat(link(id, "", 3)).isTrue();
        assertThat(readAs(login, bilan)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(listedFor(login)).isEmpty();
        assertThat(feedOf(login)).doesNotContain(session.getId());
        // a late redelivery of the older link changes nothing
        assertThat(link(id, login, 2)).isFalse();
        assertThat(link(id, "", 3)).isFalse();
        assertThat(readAs(login, bilan)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aBilanOpenedAfterALinkWasTakenInFollowsTheNewestLink() {
        String consultant = newConsultantId();
        String id = UUID.randomUUID().toString();
        String stale = "account-" + UUID.randomUUID();
        String current = "account-" + UUID.randomUUID();
        // beneficiary-service answered the bilan's opening with version 1, but version 2 was already taken in
        link(id, current, 2);
        Beneficiary asRead = Beneficiary.newBuilder().setId(id).setCentreId(CENTRE).setAccountId(stale).setEtag("1")
                .addConsultantIds(consultant).build();
        FakeBeneficiaryService.register(asRead);

        Assessment bilan = openBilan(consultant, asRead);

        assertThat(readAs(current, bilan)).isEqualTo(Status.Code.OK);
        assertThat(readAs(stale, bilan)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aRefusedReadIsRecordedAgainstTheBeneficiaryWhoseBilanItIs() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        String intruder = "account-" + UUID.randomUUID();

        assertThat(readAs(intruder, bilan)).isEqualTo(Status.Code.PERMISSION_DENIED);

        List<Document> refused = database.getCollection(AccessRecords.COLLECTION).find(Filters.and(
                Filters.eq("actor", intruder), Filters.eq("outcome", "REFUSED"))).into(new ArrayList<>());
        assertThat(refused).singleElement().satisfies(record -> {
            assertThat(record.getString("beneficiaryId")).isEqualTo(beneficiary.getId());
            assertThat(record.getString("operation")).isEqualTo("assessment.get");
            assertThat(record.getString("resource")).isEqualTo("assessments/" + bilan.getId());
            // handed to beneficiary-service's register, where the beneficiary reads it
            assertThat(record.get("forward", Document.class)).containsEntry("pending", true);
        });
    }

    @Test
    void onlyAPlatformServiceRecordsALinkAndOnlyAWholeOne() {
        String consultant = TestIdentityProvider.token("consultant-x", List.of(CENTRE), "consultant");

        assertThat(codeOf(() -> links(consultant).recordAccountLink(RecordAccountLinkRequest.newBuilder()
                .setBeneficiaryId("b").setAccountId("a").setBeneficiaryVersion(1).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> link("", "a", 1))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> link("b", "a", 0))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> link("b", "a".repeat(65), 1))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
