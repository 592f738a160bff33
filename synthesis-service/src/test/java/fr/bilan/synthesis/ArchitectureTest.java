package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape (issue 20): no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /** The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract. */
    private static final List<String> GRPC_EDGE = List.of(
            "agreement.AgreementMessages",
            "agreement.DocumentRenderingGrpcService",
            "auditpack.AuditPackMessages",
            "bilan.BilanDirectory",
            "bilan.RecipientMessages",
            "content.ContentMessages",
            "delivery.AvailableOutbox",
            "delivery.DocumentOutbox",
            "delivery.HandoverOutbox",
            "grpc.SynthesisConfiguration",
            "grpc.SynthesisGrpcService",
            "grpc.SynthesisMessages",
            "holding.DocumentHolderGrpcService",
            "share.ShareMessages");

    /** Every other class is plain domain code: no class is left to free of gRPC or proto types. */
    ArchitectureTest() {
        super("fr.bilan.synthesis", GRPC_EDGE, List.of());
    }

    /** An edge class is listed once. */
    @Test
    void eachEdgeClassIsListedOnce() {
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
