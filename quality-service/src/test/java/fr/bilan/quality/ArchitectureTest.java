package fr.bilan.quality;

import java.util.List;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape: no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    private static final String ROOT = "fr.bilan.quality";

    /**
     * The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract.
     * Every other class under the root is plain domain or application code.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "register.QualityRegisterGrpcService",
            "register.RegisterMessages",
            "followup.BeneficiaryContactAccounts",
            "followup.FollowUpClientConfiguration",
            "followup.FollowUpGrpcService",
            "followup.FollowUpMessages",
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

    ArchitectureTest() {
        super(ROOT, GRPC_EDGE, List.of());
    }
}
