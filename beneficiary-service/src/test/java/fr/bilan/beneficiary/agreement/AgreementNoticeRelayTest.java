package fr.bilan.beneficiary.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryApplication;
import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.agreement.AgreementGrpcServiceTest.Case;
import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.CancelFundingRequest;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.RefuseAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SendAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SignAgreementRequest;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.support.testing.FakeNotificationIntake;
import fr.bilan.support.testing.OutboxRelayTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * What becomes of an agreement reaches notification-service (stood in for by
 * {@link FakeNotificationIntake}), as the service itself: the draft received with its deadline, then
 * the employee's answer or the lapse, each told once by its event id, and never held up by
 * notification-service being down.
 */
@SpringBootTest(classes = { BeneficiaryApplication.class, TestClock.class },
        properties = "bilan.agreements.lapse-check-interval=200ms")
@DirtiesContext
class AgreementNoticeRelayTest extends OutboxRelayTestSupport {

    private static final FakeNotificationIntake NOTIFICATIONS = FakeNotificationIntake.started();

    @DynamicPropertySource
    static void notificationProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channel.notification.target", () -> "127.0.0.1:" + NOTIFICATIONS.port);
    }

    @Autowired
    private MongoDatabase database;
    @Autowired
    private TestClock clock;
    @Autowired
    private AgreementRepository stored;

    AgreementNoticeRelayTest() {
        super("agreement-notice");
    }

    @AfterEach
    void restore() {
        NOTIFICATIONS.heal();
        clock.reset();
    }

    private static AgreementServiceGrpc.AgreementServiceBlockingStub agreements(String token) {
        return AgreementServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    private static Agreement send(Case bilan) {
        return agreements(consultant()).sendAgreement(SendAgreementRequest.newBuilder().setId(bilan.draft().getId())
                .build()).getAgreement();
    }

    private static Agreement sign(Agreement agreement, AgreementParty party, String token) {
        EvidenceMethod method = party == AgreementParty.EMPLOYEE ? EvidenceMethod.IN_APP : EvidenceMethod.SIGNED_FORM;
        return agreements(token).signAgreement(SignAgreementRequest.newBuilder().setId(agreement.getId())
                .setEtag(agreement.getEtag()).setSignature(AgreementSignature.newBuilder().setParty(party)
                        .setMethod(method).setEvidenceSha256(method == EvidenceMethod.IN_APP ? "" : "ab".repeat(32)))
                .build()).getAgreement();
    }

    private static String employee(Case bilan) {
        return TestIdentityProvider.token(bilan.employee().getAccountId(), "beneficiary");
    }

    private Document noticesOf(String agreementId) {
        Document agreement = database.getCollection(AgreementRepository.COLLECTION)
                .find(Filters.eq("_id", agreementId)).first();
        return agreement.get(AgreementRepository.NOTICES.field(), Document.class);
    }

    private static List<NotificationEvent> awaitRecorded(String fundingId, int count) {
        await().atMost(AT_MOST).until(() -> NOTIFICATIONS.takenInAbout(fundingId).size() >= count);
        return NOTIFICATIONS.takenInAbout(fundingId);
    }

    @Test
    void theDraftReceivedThenTheEmployeesSignatureAreToldOnceEachAsTheServiceItself() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        assertThat(noticesOf(bilan.draft().getId())).as("a draft tells nothing").isNull();
        String fundingId = bilan.funding().getId();

        Agreement sent = send(bilan);
        NotificationEvent awaiting = awaitRecorded(fundingId, 1).get(0);

        assertThat(awaiting.getEventId()).isEqualTo("agreement/" + sent.getId() + "/awaiting");
        assertThat(awaiting.getAgreementAwaitingSignature().getBeneficiaryId()).isEqualTo(bilan.employee().getId());
        assertThat(awaiting.getAgreementAwaitingSignature().getCentreId()).isEqualTo("centre-lyon");
        assertThat(awaiting.getAgreementAwaitingSignature().getEmployeeDeadlineDate())
                .isEqualTo(sent.getEmployeeDeadlineDate())
                .isEqualTo(ProtoDates.of(France.today(clock).plusDays(AgreementLifecycle.EMPLOYEE_DAYS)));
        assertThat(ProtoTime.toInstant(awaiting.getOccurTime())).isEqualTo(ProtoTime.toInstant(sent.getUpdateTime()));

        Agreement signed = sign(sent, AgreementParty.EMPLOYEE, employee(bilan));
        NotificationEvent settled = awaitRecorded(fundingId, 2).get(1);
        assertThat(settled.getEventId()).isEqualTo("agreement/" + sent.getId() + "/settled");
        assertThat(settled.getAgreementSettled().getBeneficiaryId()).isEqualTo(bilan.employee().getId());
        assertThat(settled.getAgreementSettled().getCentreId()).isEqualTo("centre-lyon");
        assertThat(ProtoTime.toInstant(settled.getOccurTime()))
                .isEqualTo(ProtoTime.toInstant(signed.getSignatures(0).getSignTime()));
        await().atMost(AT_MOST).until(() -> !noticesOf(sent.getId()).containsKey("pending"));

        // the employer's and the centre's signatures tell the employee nothing more
        Agreement byCentre = sign(signed, AgreementParty.PROVIDER, consultant());
        sign(byCentre, AgreementParty.EMPLOYER_PARTY, consultant());
        assertThat(noticesOf(sent.getId())).doesNotContainKey("pending");
        assertThat(NOTIFICATIONS.callers()).containsOnly(TestIdentityProvider.SERVICE_ACCOUNT);
        assertTheChartReadsItsOutboxMetrics();
    }

    @Test
    void aRefusalSettlesTheAgreement() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement sent = send(bilan);
        awaitRecorded(bilan.funding().getId(), 1);

        agreements(employee(bilan)).refuseAgreement(RefuseAgreementRequest.newBuilder().setId(sent.getId())
                .setMethod(EvidenceMethod.IN_APP).build());

        assertThat(awaitRecorded(bilan.funding().getId(), 2)).extracting(NotificationEvent::getEventId)
                .containsExactly("agreement/" + sent.getId() + "/awaiting", "agreement/" + sent.getId() + "/settled");
    }

    @Test
    void silenceSettlesTheAgreementAtItsLapseWithoutAnyRequest() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement sent = send(bilan);
        awaitRecorded(bilan.funding().getId(), 1);
        Instant lapse = stored.findById(sent.getId()).orElseThrow().lapseTime().orElseThrow();

        clock.set(lapse);

        NotificationEvent settled = awaitRecorded(bilan.funding().getId(), 2).get(1);
        assertThat(settled.getEventId()).isEqualTo("agreement/" + sent.getId() + "/settled");
        assertThat(ProtoTime.toInstant(settled.getOccurTime())).isEqualTo(lapse);
    }

    @Test
    void aFundingCancelledWhileItsAgreementAwaitsTheSignatureSettlesIt() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement sent = send(bilan);
        awaitRecorded(bilan.funding().getId(), 1);

        Funding cancelled = FundingServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("manager-1", List.of("centre-lyon"),
                        "centre-manager")))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .cancelFunding(CancelFundingRequest.newBuilder().setId(bilan.funding().getId()).build()).getFunding();

        NotificationEvent settled = awaitRecorded(bilan.funding().getId(), 2).get(1);
        assertThat(settled.getEventId()).isEqualTo("agreement/" + sent.getId() + "/settled");
        assertThat(settled.getOccurTime()).isEqualTo(cancelled.getCancelTime());
    }

    @Test
    void notificationServiceDownHoldsUpNoChangeAndLosesNoNotice() {
        NOTIFICATIONS.failNext(Integer.MAX_VALUE);
        Case bilan = AgreementGrpcServiceTest.drafted();

        Agreement sent = send(bilan);

        assertBacksOff(() -> noticesOf(sent.getId()), "UNAVAILABLE", 3);
        NOTIFICATIONS.heal();
        assertThat(awaitRecorded(bilan.funding().getId(), 1)).extracting(NotificationEvent::getEventId)
                .containsExactly("agreement/" + sent.getId() + "/awaiting");
        await().atMost(AT_MOST).until(() -> !noticesOf(sent.getId()).containsKey("pending"));
    }

    @Test
    void aNoticeMadeWhileTheOneBeforeIsInFlightIsToldAfterIt() {
        Case bilan = AgreementGrpcServiceTest.drafted();
        String awaiting = "agreement/" + bilan.draft().getId() + "/awaiting";
        NOTIFICATIONS.whileTakingIn(awaiting, () -> sign(agreements(consultant()).getAgreement(
                GetAgreementRequest.newBuilder().setId(bilan.draft().getId()).build()).getAgreement(),
                AgreementParty.EMPLOYEE, employee(bilan)));

        send(bilan);

        // the acknowledgement of the draft's notice landed after the signature: it must not take the new one
        assertThat(awaitRecorded(bilan.funding().getId(), 2)).extracting(NotificationEvent::getEventId)
                .containsExactly(awaiting, "agreement/" + bilan.draft().getId() + "/settled");
    }

    @Test
    void aNoticeOvertakenBeforeTheRelayReadItIsNeverTold() {
        NOTIFICATIONS.failNext(Integer.MAX_VALUE);
        Case bilan = AgreementGrpcServiceTest.drafted();
        Agreement sent = send(bilan);
        sign(sent, AgreementParty.EMPLOYEE, employee(bilan));
        // an attempt failed on the signature's notice (the draft's re-armed marker counts from 0 again,
        // and a failure read before the signature does not land on it): every run since reads it signed
        await().atMost(AT_MOST).until(() -> noticesOf(sent.getId()).getInteger("attempts") > 0);

        NOTIFICATIONS.heal();

        await().atMost(AT_MOST).until(() -> !noticesOf(sent.getId()).containsKey("pending"));
        assertThat(NOTIFICATIONS.takenInAbout(bilan.funding().getId())).extracting(NotificationEvent::getEventId)
                .containsExactly("agreement/" + sent.getId() + "/settled");
    }
}
