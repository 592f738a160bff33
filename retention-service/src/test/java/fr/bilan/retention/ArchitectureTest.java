package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape (issue 20): no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /**
     * The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract.
     * Every other class under the root is plain domain or application code.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "action.ActionEndGrpcService",
            "action.ActionEndMessages",
            "consent.ConsentChangeGrpcService",
            "consent.ConsentChangeMessages",
            "document.DocumentRegistrationGrpcService",
            "document.StoredDocumentMessages",
            "holder.DocumentHolders",
            "proof.DestructionCertificateGrpcService",
            "purge.PurgeConfiguration",
            "purge.PurgeGrpcService",
            "purge.PurgeMessages",
            "schedule.RetentionScheduleGrpcService",
            "schedule.ScheduleConfiguration",
            "schedule.ScheduleMessages",
            "schedule.SessionBilanCentres");

    /** Domain classes still using gRPC statuses or proto types: none left (issue 20). */
    private static final List<String> NOT_YET_PLAIN = List.of();

    ArchitectureTest() {
        super("fr.bilan.retention", GRPC_EDGE, NOT_YET_PLAIN);
    }

    /** A class is either the gRPC edge or domain code not yet freed: never both, never listed twice. */
    @Test
    void eachExceptionIsListedOnceInOneList() {
        assertThat(NOT_YET_PLAIN).doesNotContainAnyElementsOf(GRPC_EDGE).doesNotHaveDuplicates();
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
