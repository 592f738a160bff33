package fr.bilan.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import fr.bilan.support.testing.ArchitectureRules;
import fr.bilan.support.testing.ServiceArchitecture;

/**
 * The module's shape: no package cycles, no gRPC nor proto types in its domain classes; and its own rules:
 * the survey's answers and link key stay in the survey package, and what auditors and the public read
 * (results, audit pack) never reaches the survey package at all.
 */
class ArchitectureTest extends ServiceArchitecture {

    private static final String ROOT = "fr.bilan.quality";

    /**
     * The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract.
     * Every other class under the root is plain domain or application code.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "funder.FunderMessages",
            "funder.FunderSurveyGrpcService",
            "register.QualityRegisterGrpcService",
            "register.RegisterMessages",
            "followup.BeneficiaryContactAccounts",
            "followup.FollowUpClientConfiguration",
            "followup.FollowUpGrpcService",
            "followup.FollowUpMessages",
            "followup.FollowUpNoticeOutbox",
            "intake.IntakeMessages",
            "intake.QualityIntakeGrpcService",
            "results.ResultsGrpcService",
            "results.ResultsMessages",
            "auditpack.AuditPackConfiguration",
            "auditpack.AuditPackGrpcService",
            "auditpack.AuditPackRendering",
            "SurveyServiceBinding",
            "survey.staff.SurveyGrpcService",
            "survey.staff.SurveyMessages",
            "survey.store.SurveyNoticeOutbox",
            "surveypage.SurveyPageGrpcService");

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ROOT);

    ArchitectureTest() {
        super(ROOT, GRPC_EDGE, List.of());
    }

    /** The answers' store and the links' key are the survey's: no other package reads an answer or makes a link. */
    @Test
    void onlyTheSurveyPackageReachesTheAnswersAndTheLinks() {
        assertThat(ArchitectureRules.violations(noClasses().that().resideOutsideOfPackage(ROOT + ".survey..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".survey.store..", ROOT + ".survey.link.."),
                CLASSES)).isEmpty();
    }

    /** The results and the audit pack count from the stored flags and dates, never through the survey's code. */
    @Test
    void theResultsAndTheAuditPackNeverUseTheSurveyPackage() {
        assertThat(ArchitectureRules.violations(noClasses().that().resideInAnyPackage(ROOT + ".results..", ROOT + ".auditpack..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".survey.."), CLASSES)).isEmpty();
    }
}
