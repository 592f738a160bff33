package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape (issue 20): no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /** The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract. */
    private static final List<String> GRPC_EDGE = List.of(
            "agreement.DocumentRenderingGrpcService",
            "bilan.BilanDirectory",
            "delivery.DocumentOutbox",
            "delivery.HandoverOutbox",
            "holding.DocumentHolderGrpcService",
            "synthesis.ShareMessages",
            "synthesis.SynthesisConfiguration",
            "synthesis.SynthesisGrpcService",
            "synthesis.SynthesisMessages");

    /**
     * The other classes that still use gRPC statuses or proto types: later work of issue 20 frees each
     * of them (or moves it to the edge) and takes it off this list.
     */
    private static final List<String> NOT_YET_PLAIN = List.of(
            "bilan.Bilan",
            "holding.DeletionRequests",
            "rendering.AgreementHtml",
            "rendering.French",
            "rendering.PdfRenderer",
            "rendering.SynthesisHtml",
            "rendering.SynthesisPrint",
            "share.ShareRepository",
            "share.SynthesisShare",
            "synthesis.ContentLimits",
            "synthesis.ContentMask",
            "synthesis.Reader",
            "synthesis.RequiredSections",
            "synthesis.StoredSynthesis",
            "synthesis.SynthesisRepository");

    ArchitectureTest() {
        super("fr.bilan.synthesis", GRPC_EDGE, NOT_YET_PLAIN);
    }

    /** A class is either the gRPC edge or domain code not yet freed: never both, never listed twice. */
    @Test
    void eachExceptionIsListedOnceInOneList() {
        assertThat(NOT_YET_PLAIN).doesNotContainAnyElementsOf(GRPC_EDGE).doesNotHaveDuplicates();
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
