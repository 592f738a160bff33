package fr.bilan.synthesis;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.protobuf.FieldMask;
import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.CareerProject;
import fr.bilan.proto.synthesis.v1.Feasibility;
import fr.bilan.proto.synthesis.v1.FinalizeSynthesisRequest;
import fr.bilan.proto.synthesis.v1.FollowUp;
import fr.bilan.proto.synthesis.v1.Horizon;
import fr.bilan.proto.synthesis.v1.Interests;
import fr.bilan.proto.synthesis.v1.RiasecProfile;
import fr.bilan.proto.synthesis.v1.Skills;
import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.proto.synthesis.v1.TestResult;
import fr.bilan.proto.synthesis.v1.Training;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisRequest;
import fr.bilan.support.testing.FakeNotificationIntake;
import fr.bilan.support.testing.OutboxRelayTestSupport;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.StatusRuntimeException;

/**
 * Base of the service's gRPC tests, all in one application context: synthesis-service with service
 * credentials (its relays deliver to the fake retention-service and {@link #NOTIFICATIONS}), and session- and
 * beneficiary-service stood in for by {@link FakeSessionService} and {@link FakeBeneficiaryService}
 * on the service's own port (with the access register the service's records go to,
 * {@link TestAccessRegister}), so that the caller's token really travels and is checked there. Centre
 * Lyon has its identity configured; the clock is a {@link TestClock}; the scheduled orphan sweep
 * waits an hour, out of the way of the storage tests that move the clock.
 */
@SpringBootTest(classes = { SynthesisApplication.class, TestClock.class, FakeSessionService.class,
        FakeBeneficiaryService.class, FakeBeneficiaryService.ConsentChecks.class, TestAccessRegister.class },
        properties = { "bilan.synthesis.orphans.interval=1h", "spring.grpc.client.channel.session.target=127.0.0.1:${spring.grpc.server.port}",
            "spring.grpc.client.channel.beneficiary.target=127.0.0.1:${spring.grpc.server.port}",
            "bilan.centres.overrides.centre-lyon.name=Centre de bilans de Lyon",
            "bilan.centres.overrides.centre-lyon.address=12 rue de la République\n69002 Lyon",
            "bilan.centres.overrides.centre-lyon.declaration-number=82690000069" })
public abstract class SynthesisServiceTestSupport extends OutboxRelayTestSupport {

    protected static final String CENTRE = "centre-lyon";
    /** notification-service's intake, told of the syntheses made final. */
    protected static final FakeNotificationIntake NOTIFICATIONS = FakeNotificationIntake.started();

    @DynamicPropertySource
    static void notificationProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channel.notification.target", () -> "127.0.0.1:" + NOTIFICATIONS.port);
    }

    @Autowired
    protected MongoDatabase database;

    protected SynthesisServiceTestSupport() {
        super("document");
    }

    /** A bilan of centre Lyon led by a consultant of its own, in {@code state}, its beneficiary with a login. */
    protected record TestBilan(String id, String beneficiaryId, String beneficiaryLogin, String consultantId) {

        public String consultantToken() {
            return TestIdentityProvider.token(consultantId, List.of(CENTRE), "consultant");
        }

        public String beneficiaryToken() {
            return TestIdentityProvider.token(beneficiaryLogin, "beneficiary");
        }
    }

    protected static TestBilan newBilan(AssessmentState state) {
        String beneficiaryId = UUID.randomUUID().toString();
        String login = "account-" + beneficiaryId;
        String consultantId = "consultant-" + UUID.randomUUID();
        FakeBeneficiaryService.register(Beneficiary.newBuilder().setId(beneficiaryId).setCentreId(CENTRE)
                .setAccountId(login).setGivenName("Élodie").setFamilyName("Marchand").addConsultantIds(consultantId)
                .build());
        String id = UUID.randomUUID().toString();
        FakeSessionService.register(Assessment.newBuilder().setId(id).setBeneficiaryId(beneficiaryId).setCentreId(CENTRE)
                .setConsultantId(consultantId).setState(state).build(), login);
        return new TestBilan(id, beneficiaryId, login, consultantId);
    }

    protected static String manager() {
        return TestIdentityProvider.token("manager-lyon", List.of(CENTRE), "centre-manager");
    }

    protected static SynthesisServiceGrpc.SynthesisServiceBlockingStub syntheses(String token) {
        return SynthesisServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    /** A bilan in its conclusion phase whose synthèse, every section filled, is final (its PDF stored). */
    protected static TestBilan finalised() {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        save(bilan, fullContent(), "", List.of());
        finalize(bilan);
        return bilan;
    }

    /** The consultant's save of {@code content} (the fields in {@code mask}, all when empty) at {@code etag}. */
    protected static Synthesis save(TestBilan bilan, SynthesisContent content, String etag, List<String> mask) {
        return syntheses(bilan.consultantToken()).updateSynthesis(UpdateSynthesisRequest.newBuilder()
                .setSynthesis(Synthesis.newBuilder().setAssessmentId(bilan.id()).setContent(content).setEtag(etag))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(mask)).build()).getSynthesis();
    }

    protected static Synthesis finalize(TestBilan bilan) {
        return syntheses(bilan.consultantToken()).finalizeSynthesis(FinalizeSynthesisRequest.newBuilder()
                .setAssessmentId(bilan.id()).build()).getSynthesis();
    }

    /** The status {@code call} is refused with; an {@link AssertionError} if it is not refused. */
    protected static StatusRuntimeException refusal(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }

    /** A synthèse with every section filled, as a consultant writes one. */
    protected static SynthesisContent fullContent() {
        return SynthesisContent.newBuilder()
                .setRequestContext("Mme Marchand, comptable depuis douze ans, souhaite donner un sens nouveau à son "
                        + "activité après une restructuration.")
                .setCareerPath("BTS comptabilité ; cabinet d'expertise (8 ans) ; PME industrielle (4 ans).")
                .setSkills(Skills.newBuilder().addKnowledge("Comptabilité générale").addSkills("Animer une réunion")
                        .addSoftSkills("Rigueur").addSoftSkills("Écoute"))
                .setInterests(Interests.newBuilder().setMotivations("Transmettre, accompagner.")
                        .addTestResults(TestResult.newBuilder().setTestName("Inventaire RIASEC").setSummary("Profil SEC")
                                .setRiasec(RiasecProfile.newBuilder().setRealistic(20).setInvestigative(45).setArtistic(30)
                                        .setSocial(85).setEnterprising(60).setConventional(75))))
                .setMainProject(CareerProject.newBuilder().setTitle("Formatrice en comptabilité pour adultes")
                        .setFeasibility(Feasibility.CONDITIONAL).setFeasibilityNotes("Titre de formateur à obtenir."))
                .addAlternativeProjects(CareerProject.newBuilder().setTitle("Contrôleuse de gestion")
                        .setFeasibility(Feasibility.HIGH))
                .setConditionsAndMeans("Financement CPF du titre professionnel FPA ; soutien de l'employeur.")
                .addActionPlan(ActionStep.newBuilder().setDescription("S'inscrire au titre FPA")
                        .setHorizon(Horizon.SHORT_TERM).setDueDate(ProtoDates.of(LocalDate.of(2027, 1, 15))))
                .setTraining(Training.newBuilder().addTrainingNeeds("Titre professionnel FPA").setVaeAdvised(false))
                .setFollowUp(FollowUp.newBuilder().setProposedDate(ProtoDates.of(LocalDate.of(2027, 6, 1)))
                        .setTerms("Entretien individuel de suivi à six mois."))
                .build();
    }
}
