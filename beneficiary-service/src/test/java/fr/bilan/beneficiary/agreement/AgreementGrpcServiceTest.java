package fr.bilan.beneficiary.agreement;

import static fr.bilan.beneficiary.StatusAssertions.reason;
import static fr.bilan.beneficiary.StatusAssertions.refusal;
import static fr.bilan.beneficiary.StatusAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.protobuf.FieldMask;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.beneficiary.France;
import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.CreateAgreementRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.RedeploymentLeaveFunding;
import fr.bilan.proto.beneficiary.v1.RefuseAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.proto.beneficiary.v1.SendAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SignAgreementRequest;
import fr.bilan.proto.beneficiary.v1.UpdateAgreementRequest;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Status;

class AgreementGrpcServiceTest extends BeneficiaryServiceTestSupport {

    private static final String HASH = "ab".repeat(32);
    static final Agreement MENTIONS = Agreement.newBuilder()
            .setTitle("Bilan de compétences").setObjective("Construire un projet professionnel")
            .setContent("Phases préliminaire, d'investigation et de conclusion").setMeans("Entretiens, tests")
            .setDurationHours(24).setPeriodStartDate(ProtoDates.of(LocalDate.of(2027, 1, 4)))
            .setPeriodEndDate(ProtoDates.of(LocalDate.of(2027, 3, 26)))
            .setConductAndFollowUp("Séances hebdomadaires, entretien de suivi à six mois")
            .setResultsHandover("Synthèse remise en main propre à la personne seule")
            .setPaymentTerms("À 30 jours, à réception de facture").build();

    @Autowired
    private AgreementRepository stored;

    record Case(Beneficiary employee, Funding funding, Agreement draft) {
    }

    /** The redeployment leave that pays for the bilan of {@code employee}. */
    static Funding leaveOf(Beneficiary employee) {
        return fundings(consultant()).createFunding(CreateFundingRequest.newBuilder()
                .setBeneficiaryId(employee.getId()).setFunding(Funding.newBuilder().setPriceCents(180_000)
                        .setRedeploymentLeave(RedeploymentLeaveFunding.newBuilder()
                                .setEmployer(Employer.newBuilder().setName("ACME SAS").setSiret("73282932000074")
                                        .setSignatoryName("Mme Dupuis"))
                                .setLeaveStartDate(ProtoDates.of(LocalDate.of(2026, 10, 1)))))
                .build()).getFunding();
    }

    /** An employee of centre Lyon, the redeployment leave that pays for their bilan, and its draft agreement. */
    static Case drafted() {
        Beneficiary employee = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        Funding funding = leaveOf(employee);
        Agreement draft = agreements(consultant()).createAgreement(CreateAgreementRequest.newBuilder()
                .setFundingId(funding.getId()).setAgreement(MENTIONS).build()).getAgreement();
        return new Case(employee, funding, draft);
    }

    private Agreement sent(Case bilan) {
        return agreements(consultant()).sendAgreement(SendAgreementRequest.newBuilder().setId(bilan.draft().getId())
                .build()).getAgreement();
    }

    private static SignAgreementRequest signature(Agreement agreement, AgreementParty party, EvidenceMethod method) {
        return SignAgreementRequest.newBuilder().setId(agreement.getId()).setEtag(agreement.getEtag())
                .setSignature(AgreementSignature.newBuilder().setParty(party).setMethod(method)
                        .setEvidenceSha256(method == EvidenceMethod.IN_APP ? "" : HASH))
                .build();
    }

    private FundingState fundingState(Case bilan) {
        return fundings(manager()).getFunding(GetFundingRequest.newBuilder().setId(bilan.funding().getId()).build())
                .getFunding().getState();
    }

    private static GetAgreementRequest get(Agreement agreement) {
        return GetAgreementRequest.newBuilder().setId(agreement.getId()).build();
    }

    @Test
    void draftedSentSignedByAllThenInForceAndTheFundingConfirmed() {
        Case bilan = drafted();
        var employee = agreements(beneficiaryLogin(bilan.employee().getAccountId()));
        LocalDate today = France.today(clock);

        assertThat(bilan.draft().getState()).isEqualTo(AgreementState.DRAFT);
        assertThat(bilan.draft().getPriceCents()).isEqualTo(180_000);
        assertThat(bilan.draft().getEmployer().getName()).isEqualTo("ACME SAS");
        assertThat(bilan.draft().getCentreId()).isEqualTo(CENTRE);
        assertThat(fundings(consultant()).getFunding(GetFundingRequest.newBuilder().setId(bilan.funding().getId())
                .build()).getFunding().getAgreementId()).isEqualTo(bilan.draft().getId());
        Agreement sent = sent(bilan);
        assertThat(sent.getState()).isEqualTo(AgreementState.SENT);
        assertThat(sent.getReceiveDate()).isEqualTo(ProtoDates.of(today));
        assertThat(sent.getEmployeeDeadlineDate()).isEqualTo(ProtoDates.of(today.plusDays(10)));
        assertThat(fundingState(bilan)).isEqualTo(FundingState.AWAITING_AGREEMENT);

        Agreement byEmployee = employee.signAgreement(signature(sent, AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP))
                .getAgreement();
        assertThat(byEmployee.getState()).isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
        assertThat(byEmployee.getSignatures(0).getRecordedBy()).isEqualTo(bilan.employee().getAccountId());
        Agreement byCentre = agreements(manager()).signAgreement(signature(byEmployee, AgreementParty.PROVIDER,
                EvidenceMethod.E_SIGNATURE)).getAgreement();
        assertThat(fundingState(bilan)).isEqualTo(FundingState.AWAITING_AGREEMENT);
        Agreement inForce = agreements(consultant()).signAgreement(signature(byCentre, AgreementParty.EMPLOYER_PARTY,
                EvidenceMethod.SIGNED_FORM)).getAgreement();

        assertThat(inForce.getState()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(inForce.getSignaturesList()).extracting(AgreementSignature::getParty)
                .containsExactly(AgreementParty.EMPLOYEE, AgreementParty.PROVIDER, AgreementParty.EMPLOYER_PARTY);
        assertThat(fundingState(bilan)).isEqualTo(FundingState.CONFIRMED);
        assertThat(employee.getAgreement(get(inForce)).getAgreement()).isEqualTo(inForce);
        // in force for good: day 11 changes nothing
        clock.set(France.startOf(today.plusDays(30)));
        assertThat(employee.getAgreement(get(inForce)).getAgreement().getState()).isEqualTo(AgreementState.IN_FORCE);
        assertThat(accessesTo("agreements/" + inForce.getId())).containsExactly("agreement.create", "agreement.send",
                "agreement.sign", "agreement.sign", "agreement.sign", "agreement.get", "agreement.get");
    }

    @Test
    void aRetriedCreateReturnsTheFirstDraftAndAFundingHasOneAgreement() {
        Funding funding = leaveOf(newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE));
        var request = CreateAgreementRequest.newBuilder().setFundingId(funding.getId()).setAgreement(MENTIONS)
                .setRequestId("agreement-7").build();

        Agreement first = agreements(consultant()).createAgreement(request).getAgreement();

        assertThat(agreements(consultant()).createAgreement(request).getAgreement()).isEqualTo(first);
        assertThat(reason(Status.Code.ALREADY_EXISTS, () -> agreements(manager()).createAgreement(request)))
                .contains("une seule convention par financement", first.getId());
        Beneficiary self = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Funding selfFunded = fundings(consultant()).createFunding(CreateFundingRequest.newBuilder()
                .setBeneficiaryId(self.getId()).setFunding(Funding.newBuilder().setPriceCents(180_000)
                        .setSelfFunded(SelfFunding.getDefaultInstance())).build()).getFunding();
        assertThat(refusal(() -> agreements(consultant()).createAgreement(request.toBuilder()
                .setFundingId(selfFunded.getId()).setRequestId("agreement-8").build()))).contains("R6313-8");
    }

    @Test
    void sendingNeedsEveryMentionOfR63138() {
        Funding funding = leaveOf(newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE));
        Agreement empty = agreements(manager()).createAgreement(CreateAgreementRequest.newBuilder()
                .setFundingId(funding.getId()).setAgreement(Agreement.newBuilder().setTitle("Bilan")).build())
                .getAgreement();

        var missing = violations(() -> agreements(manager()).sendAgreement(SendAgreementRequest.newBuilder()
                .setId(empty.getId()).build()));

        assertThat(missing).containsOnlyKeys("agreement.objective", "agreement.content", "agreement.means",
                "agreement.duration_hours", "agreement.period_start_date", "agreement.period_end_date",
                "agreement.conduct_and_follow_up", "agreement.results_handover", "agreement.payment_terms");
        assertThat(missing.get("agreement.objective")).isEqualTo("Mention obligatoire de la convention (R6313-8).");
    }

    @Test
    void silenceLapsesTheAgreementOnDayElevenWithoutAnyRequest() {
        Case bilan = drafted();
        Agreement sent = sent(bilan);
        LocalDate received = France.today(clock);

        clock.set(France.startOf(received.plusDays(11)).minusSeconds(1));
        assertThat(stored.findById(sent.getId()).orElseThrow().state())
                .isEqualTo(fr.bilan.beneficiary.funding.AgreementState.SENT);
        clock.set(France.startOf(received.plusDays(11)));

        // nobody calls: the scheduled check records the lapse
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> stored.findById(sent.getId()).orElseThrow().state()
                        == fr.bilan.beneficiary.funding.AgreementState.LAPSED);
        var lapsed = stored.findById(sent.getId()).orElseThrow();
        assertThat(lapsed.endTime()).isEqualTo(France.startOf(received.plusDays(11)));
        assertThat(fundingState(bilan)).isEqualTo(FundingState.AGREEMENT_FAILED);
        assertThat(refusal(() -> agreements(beneficiaryLogin(bilan.employee().getAccountId())).signAgreement(
                signature(sent, AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP))))
                .isEqualTo(AgreementLifecycle.LAPSED_REASON);
    }

    @Test
    void aSignatureOnDayElevenIsRefusedAndTheLapseRecorded() {
        Case bilan = drafted();
        Agreement sent = sent(bilan);
        var employee = agreements(beneficiaryLogin(bilan.employee().getAccountId()));
        Instant dayEleven = France.startOf(France.today(clock).plusDays(11));

        clock.set(dayEleven);
        String reason = refusal(() -> employee.signAgreement(signature(sent, AgreementParty.EMPLOYEE,
                EvidenceMethod.IN_APP)));

        assertThat(reason).contains("10 jours", "silence", "vaut refus");
        // recorded by the call itself or by the scheduled check before it: stored either way
        assertThat(stored.findById(sent.getId()).orElseThrow().state())
                .isEqualTo(fr.bilan.beneficiary.funding.AgreementState.LAPSED);
        assertThat(refusal(() -> employee.refuseAgreement(RefuseAgreementRequest.newBuilder().setId(sent.getId())
                .setMethod(EvidenceMethod.IN_APP).build()))).isEqualTo(reason);
        Agreement read = employee.getAgreement(get(sent)).getAgreement();
        assertThat(read.getState()).isEqualTo(AgreementState.LAPSED);
        assertThat(read.getEndTime().getSeconds()).isEqualTo(dayEleven.getEpochSecond());
    }

    @Test
    void theLastSecondOfDayTenStillCounts() {
        Case bilan = drafted();
        Agreement sent = sent(bilan);

        clock.set(France.startOf(France.today(clock).plusDays(11)).minusSeconds(1));

        assertThat(agreements(beneficiaryLogin(bilan.employee().getAccountId())).signAgreement(signature(sent,
                AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP)).getAgreement().getState())
                .isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
    }

    @Test
    void theEmployeeMayRefuseAndTheFundingFails() {
        Case bilan = drafted();
        Agreement sent = sent(bilan);
        var refuse = RefuseAgreementRequest.newBuilder().setId(sent.getId()).setMethod(EvidenceMethod.IN_APP).build();

        // staff record a written refusal, never a click in the employee's name
        assertThat(refusal(() -> agreements(consultant()).refuseAgreement(refuse))).contains("dans l'application");
        Agreement refused = agreements(beneficiaryLogin(bilan.employee().getAccountId())).refuseAgreement(refuse)
                .getAgreement();

        assertThat(refused.getState()).isEqualTo(AgreementState.REFUSED);
        assertThat(refused.getEndTime().getSeconds()).isPositive();
        assertThat(fundingState(bilan)).isEqualTo(FundingState.AGREEMENT_FAILED);
        assertThat(refusal(() -> agreements(manager()).signAgreement(signature(refused, AgreementParty.EMPLOYEE,
                EvidenceMethod.SIGNED_FORM)))).contains("a refusé");
    }

    @Test
    void aStaleEtagIsRefusedAndOnlyADraftChanges() {
        Case bilan = drafted();
        var change = UpdateAgreementRequest.newBuilder()
                .setAgreement(Agreement.newBuilder().setId(bilan.draft().getId()).setEtag(bilan.draft().getEtag())
                        .setDurationHours(20).setTitle("ignoré"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("duration_hours")).build();

        Agreement changed = agreements(consultant()).updateAgreement(change).getAgreement();

        assertThat(changed.getDurationHours()).isEqualTo(20);
        assertThat(changed.getTitle()).isEqualTo(MENTIONS.getTitle());
        assertThat(changed.getEtag()).isNotEqualTo(bilan.draft().getEtag());
        assertThat(reason(Status.Code.ABORTED, () -> agreements(consultant()).updateAgreement(change)))
                .contains("modifiée entre-temps");
        assertThat(reason(Status.Code.ABORTED, () -> agreements(consultant()).sendAgreement(SendAgreementRequest
                .newBuilder().setId(changed.getId()).setEtag(bilan.draft().getEtag()).build())))
                .contains("modifiée entre-temps");
        Agreement sent = sent(bilan);
        // two signatures made from the same reading: the second is refused, not lost
        agreements(consultant()).signAgreement(signature(sent, AgreementParty.EMPLOYEE, EvidenceMethod.SIGNED_FORM));
        assertThat(codeOf(() -> agreements(manager()).signAgreement(signature(sent, AgreementParty.EMPLOYEE,
                EvidenceMethod.E_SIGNATURE)))).isEqualTo(Status.Code.ABORTED);
        assertThat(refusal(() -> agreements(consultant()).updateAgreement(change.toBuilder()
                .setAgreement(change.getAgreement().toBuilder().clearEtag()).build()))).contains("Seul un projet");
    }

    @Test
    void theEmployeeActsOnlyForThemselfStaffInTheirCentreAndAnEmployerNeverThroughTheApi() {
        Case bilan = drafted();
        Agreement sent = sent(bilan);
        var employee = agreements(beneficiaryLogin(bilan.employee().getAccountId()));

        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> employee.signAgreement(signature(sent,
                AgreementParty.EMPLOYER_PARTY, EvidenceMethod.SIGNED_FORM)))).contains("vous-même");
        assertThat(codeOf(() -> employee.sendAgreement(SendAgreementRequest.newBuilder().setId(sent.getId()).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        for (String outsider : List.of(beneficiaryLogin("beneficiary-someone-else"), managerElsewhere(),
                TestIdentityProvider.token("employer-1", List.of(CENTRE), "employer"),
                TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"))) {
            var stub = agreements(outsider);
            assertThat(codeOf(() -> stub.getAgreement(get(sent)))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> stub.signAgreement(signature(sent, AgreementParty.EMPLOYEE,
                    EvidenceMethod.SIGNED_FORM)))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> stub.refuseAgreement(RefuseAgreementRequest.newBuilder().setId(sent.getId())
                    .setMethod(EvidenceMethod.SIGNED_FORM).setEvidenceSha256(HASH).build())))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> stub.createAgreement(CreateAgreementRequest.newBuilder()
                    .setFundingId(bilan.funding().getId()).setAgreement(MENTIONS).build())))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(stored.findById(sent.getId()).orElseThrow().state())
                .isEqualTo(fr.bilan.beneficiary.funding.AgreementState.SENT);
    }
}
