package fr.bilan.quality.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.quality.QualityApplication;
import fr.bilan.quality.bilan.BilanIntake;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.support.testing.FakeNotificationIntake;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;

/**
 * The one application context the surveys' tests share: the service on the embedded MongoDB with
 * {@link TestClock}, its own credentials (the survey-notice outbox relays to a {@link FakeNotificationIntake},
 * the access records to the register stood in for on the service's own port), a fixed link key, the
 * follow-up's side recorded ({@link RecordingFollowUpAnswers}), and {@value #LYON} adding questions of its
 * own to the "à chaud" questionnaire (version {@code centre-lyon-2} today, {@code centre-lyon-1} before).
 */
@SpringBootTest(classes = { QualityApplication.class, TestClock.class, TestAccessRegister.class,
        RecordingFollowUpAnswers.class },
        properties = { "spring.grpc.client.channel.beneficiary.target=127.0.0.1:${spring.grpc.server.port}",
            "bilan.oidc.client-secret=test-only-service-secret", "bilan.oidc.token-uri=${bilan.oidc.issuer}/token",
            "bilan.outbox.poll-interval=50ms", "bilan.outbox.initial-backoff=100ms", "bilan.outbox.max-backoff=400ms",
            "bilan.quality.surveys.interval=1h",
            "bilan.quality.surveys.link-key=AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
            "bilan.quality.public-url=https://bilan.example",
            "bilan.centres.overrides.centre-lyon.name=Centre de Lyon",
            "bilan.centres.overrides.centre-lyon.address=1 place Bellecour, 69002 Lyon",
            "bilan.centres.overrides.centre-lyon.declaration-number=84691234569",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.current=centre-lyon-2",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-1[0].id=ateliers",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-1[0].label=Les ateliers vous ont-ils aidé(e) ?",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-1[0].type=COMMENT",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].id=locaux",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].label=Les locaux étaient-ils accessibles ?",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].type=SINGLE_CHOICE",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].required=true",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].choices[0].value=oui",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].choices[0].label=Oui",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].choices[1].value=non",
            "bilan.quality.questionnaires.centres.centre-lyon.end-of-bilan.versions.centre-lyon-2[0].choices[1].label=Non" })
public abstract class SurveyServiceTestSupport extends GrpcServiceTestSupport {

    public static final String LYON = "centre-lyon";
    protected static final FakeNotificationIntake INTAKE = FakeNotificationIntake.started();

    @Autowired
    protected BilanIntake intake;
    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void notificationIntake(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channel.notification.target", () -> "127.0.0.1:" + INTAKE.port);
    }

    @AfterEach
    void healTheIntake() {
        INTAKE.heal();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A bilan of {@code centreId} run by {@code consultantId}, whose synthèse was handed over at {@code handover}. */
    protected static BilanRecord handedOver(String assessmentId, String centreId, String consultantId, Instant handover,
            long revision) {
        return new BilanRecord(assessmentId, "beneficiary-of-" + assessmentId, centreId, consultantId,
                Outcome.IN_PROGRESS, LocalDate.of(2026, 1, 5), null, handover, List.of(), null, "CPF", null, null, null, revision);
    }

    /** The same bilan, ended with {@code outcome} on {@code endDate}, its follow-up due on {@code followUpDue}. */
    protected static BilanRecord ended(BilanRecord bilan, Outcome outcome, LocalDate endDate, LocalDate followUpDue) {
        return new BilanRecord(bilan.assessmentId(), bilan.beneficiaryId(), bilan.centreId(), bilan.consultantId(),
                outcome, bilan.startDate(), endDate, bilan.synthesisHandoverTime(), bilan.phases(), followUpDue,
                bilan.fundingKind(), bilan.agreementSignDate(), null, null, bilan.revision() + 1);
    }
}
