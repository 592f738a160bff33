package fr.bilan.notification;

import java.util.List;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape: no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /**
     * The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract.
     * Every other class under the root is plain domain or application code.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "NotificationServiceBinding",
            "preview.PreviewGrpcService",
            "recipient.BeneficiaryContacts",
            "recipient.RecipientConfiguration",
            "event.IntakeMessages",
            "event.NotificationIntakeGrpcService",
            "preference.PreferenceGrpcService",
            "preference.PreferenceMessages",
            "record.RecordGrpcService",
            "record.RecordMessages");

    ArchitectureTest() {
        super("fr.bilan.notification", GRPC_EDGE, List.of());
    }

}
