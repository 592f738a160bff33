package fr.bilan.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.ServiceArchitecture;

/** The module's shape (issue 20): no package cycles, no gRPC nor proto types in its domain classes. */
class ArchitectureTest extends ServiceArchitecture {

    /**
     * The gRPC edge: services, proto mappers (the personal data export is assembled as the contract's
     * message), gRPC clients and their wiring; they map the contract.
     */
    private static final List<String> GRPC_EDGE = List.of(
            "account.AccountLinkOutbox",
            "agreement.AgreementDocumentConfiguration",
            "agreement.AgreementDocuments",
            "agreement.AgreementGrpcService",
            "agreement.AgreementMessages",
            "agreement.AgreementNoticeOutbox",
            "consent.ConsentMessages",
            "cpf.CpfDossierGrpcService",
            "cpf.CpfDossierMessages",
            "cpf.CpfTrackingGrpcService",
            "funding.FundingGrpcService",
            "funding.FundingMessages",
            "outbox.ConsentDeliveries",
            "privacy.ExportSection",
            "privacy.ExportSections",
            "privacy.FundingExport",
            "privacy.PersonalDataExporter",
            "privacy.PersonalDataGrpcService",
            "privacy.PersonalDataMessages",
            "profile.BeneficiaryContactGrpcService",
            "profile.BeneficiaryGrpcService",
            "profile.BeneficiaryMessages",
            "profile.ConsentCheckGrpcService",
            "statistics.StatisticsGrpcService");

    /** The other classes that still use gRPC statuses or proto types: none any more (issue 20). */
    private static final List<String> NOT_YET_PLAIN = List.of();

    ArchitectureTest() {
        super("fr.bilan.beneficiary", GRPC_EDGE, NOT_YET_PLAIN);
    }

    /** A class is either the gRPC edge or domain code not yet freed: never both, never listed twice. */
    @Test
    void eachExceptionIsListedOnceInOneList() {
        assertThat(NOT_YET_PLAIN).doesNotContainAnyElementsOf(GRPC_EDGE).doesNotHaveDuplicates();
        assertThat(GRPC_EDGE).doesNotHaveDuplicates();
    }
}
