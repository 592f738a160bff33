package fr.bilan.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape (issue 20): no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /** The gRPC edge: services, proto mappers, gRPC clients and their wiring; they map the contract. */
    private static final List<String> GRPC_EDGE = List.of(
            "accountlink.AccountLinkGrpcService",
            "actionend.ActionEndDeliveries",
            "assessment.AssessmentGrpcService",
            "assessment.AssessmentMessages",
            "assessment.InternalAssessmentGrpcService",
            "availability.AvailabilityMessages",
            "beneficiary.BeneficiaryDirectory",
            "centre.CentreGrpcService",
            "consultant.ConsultantGrpcService",
            "feed.CalendarFeedGrpcService");

    /**
     * The other classes that still use gRPC statuses or proto types: later work of issue 20 frees each
     * of them (or moves it to the edge) and takes it off this list.
     */
    private static final List<String> NOT_YET_PLAIN = List.of(
            "assessment.AssessmentAccess",
            "assessment.AssessmentChanges",
            "booking.Reservations",
            "consultant.ConsultantAccess");

    ArchitectureTest() {
        super("fr.bilan.session", GRPC_EDGE, NOT_YET_PLAIN);
    }

    /** A class is either the gRPC edge or domain code not yet freed: never both, never listed twice. */
    @Test
    void eachExceptionIsListedOnceInOneList() {
        assertThat(NOT_YET_PLAIN).doesNotContainAnyElementsOf(GRPC_EDGE).doesNotHaveDuplicates();
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
