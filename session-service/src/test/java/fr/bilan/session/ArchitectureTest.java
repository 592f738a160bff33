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
            "actionend.ActionEndOutbox",
            "assessment.AssessmentGrpcService",
            "assessment.AssessmentMessages",
            "assessment.InternalAssessmentGrpcService",
            "assessment.SlotConflicts",
            "availability.AvailabilityMessages",
            "beneficiary.BeneficiaryDirectory",
            "centre.CentreGrpcService",
            "consultant.ConsultantGrpcService",
            "cpfprogress.CpfProgressOutbox",
            "feed.CalendarFeedGrpcService",
            "notice.NoticeMessages",
            "notice.SessionNoticeOutbox",
            "qualityfacts.BilanFactsMessages",
            "qualityfacts.BilanFactsOutbox");

    ArchitectureTest() {
        super("fr.bilan.session", GRPC_EDGE, List.of());
    }

    /** Each edge class is listed once. */
    @Test
    void eachExceptionIsListedOnce() {
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
