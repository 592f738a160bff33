package fr.bilan.beneficiary.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.beneficiary.funding.FundingRepository;
import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryRepository;
import fr.bilan.support.audit.AccessRecordReader;
import fr.bilan.support.refusal.Conflict;

/**
 * Erases a beneficiary's personal data (RGPD art. 17): plans it from what is held
 * ({@link ErasurePlan}), then removes it in one conditional write that keeps the receipt, so that
 * a retry, or a concurrent request, is answered the same.
 */
@Component
class PersonalDataErasure {

    private final BeneficiaryRepository beneficiaries;
    private final ConsentRepository consents;
    private final FundingRepository fundings;
    private final AccessRecordReader accessRecords;
    private final Clock clock;

    PersonalDataErasure(BeneficiaryRepository beneficiaries, ConsentRepository consents, FundingRepository fundings,
            AccessRecordReader accessRecords, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.consents = consents;
        this.fundings = fundings;
        this.accessRecords = accessRecords;
        this.clock = clock;
    }

    /** What the erasure of this record answered; empty when it was not erased. */
    Optional<ErasureReceipt> receiptOf(Beneficiary beneficiary) {
        return beneficiary.erased() ? stored(beneficiary.id()) : Optional.empty();
    }

    /**
     * Erases the beneficiary's data (or only tells what that would do, {@code validateOnly}) for the
     * request {@code requestKey}; the answer of a concurrent erasure when one came first.
     */
    ErasureReceipt erase(Beneficiary beneficiary, boolean validateOnly, String requestKey) {
        Instant now = clock.instant();
        // a funding not cancelled is an action paid for: its evidence (funding, agreement) names the beneficiary;
        // its CPF dossier (ids, dates, hours; no name) is evidence too, kept like it until the purge destroys it
        boolean processEvidence = fundings.listByBeneficiary(beneficiary.id()).stream().anyMatch(f -> !f.isCancelled());
        ErasurePlan plan = ErasurePlan.of(processEvidence,
                consents.ledgerOf(beneficiary.id()).entries().stream().map(ConsentEntry::recordTime)
                        .max(Instant::compareTo),
                accessRecords.newestTimeOf(beneficiary.id()), accessRecords.retention());
        ErasureReceipt receipt = ErasureReceipt.of(beneficiary.id(), now, plan, requestKey);
        if (validateOnly) {
            return receipt.asValidation();
        }
        if (beneficiaries.erase(beneficiary.id(), beneficiary.version(), plan.erasesIdentity(),
                !beneficiary.profile().accountId().isEmpty(), ErasureReceipts.document(receipt), now).isPresent()) {
            return receipt;
        }
        // changed in between: erased by a concurrent request (whose answer is this one's), or updated
        return stored(beneficiary.id()).orElseThrow(() -> new Conflict("Ce bénéficiaire a été modifié pendant "
                + "l'effacement : refaites la demande."));
    }

    private Optional<ErasureReceipt> stored(String beneficiaryId) {
        return beneficiaries.erasureReceipt(beneficiaryId).map(ErasureReceipts::receiptOf);
    }
}
