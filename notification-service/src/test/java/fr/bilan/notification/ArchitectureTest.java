package fr.bilan.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import fr.bilan.support.testing.ArchitectureRules;
import fr.bilan.support.testing.ServiceArchitecture;

/**
 * The module's shape: no package cycles, no gRPC nor proto types in its domain classes; and its own
 * rules: what each fact plans is plain Java, and only the dispatcher hands anything to the mail server.
 */
class ArchitectureTest extends ServiceArchitecture {

    private static final String ROOT = "fr.bilan.notification";

    /**
     * The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract.
     * Every other class under the root is plain domain or application code.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "NotificationServiceBinding",
            "preview.PreviewGrpcService",
            "recipient.BeneficiaryContacts",
            "digest.GrpcCpfDeadlines",
            "digest.CpfDeadlinesConfiguration",
            "recipient.RecipientConfiguration",
            "event.IntakeMessages",
            "event.NotificationIntakeGrpcService",
            "preference.PreferenceGrpcService",
            "preference.PreferenceMessages",
            "record.RecordGrpcService",
            "record.RecordMessages");

    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ROOT);

    ArchitectureTest() {
        super(ROOT, GRPC_EDGE, List.of());
    }

    /** The planning rules (the table PlannerTest checks) read and write no store and send nothing. */
    @Test
    void thePlanningRulesUseNeitherTheStoreNorTheMailServer() {
        assertThat(ArchitectureRules.violations(noClasses().that().resideInAPackage(ROOT + ".planning..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "jakarta.mail..",
                        "org.springframework.mail.."), CLASSES)).isEmpty();
    }

    /** One place sends: the dispatcher's package, so a message is always recorded with its outcome. */
    @Test
    void onlyTheDeliveryPackageSendsMail() {
        assertThat(ArchitectureRules.violations(noClasses().that().resideOutsideOfPackage(ROOT + ".delivery..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.mail.."), CLASSES)).isEmpty();
    }
}
