package fr.bilan.beneficiary.consent;

import static fr.bilan.beneficiary.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

class ConsentRulesTest {

    private static final String EVIDENCE = "a".repeat(64);
    private static final Recipient CEP = new Recipient(RecipientKind.CEP_ADVISOR, "Mme Roux, CEP Lyon");

    private static NewConsent consent(ConsentKind kind, ConsentDecision decision, Recipient recipient,
            EvidenceMethod method) {
        return new NewConsent(kind, decision, recipient, method, method == EvidenceMethod.IN_APP ? "" : EVIDENCE);
    }

    @Test
    void keepingDocumentsForTheFollowUpNeedsAWrittenAgreement() {
        refused(RuleRefusal.class, () -> consent(ConsentKind.FOLLOW_UP_RETENTION, ConsentDecision.GRANTED, null,
                EvidenceMethod.IN_APP).validate(true, false));
        assertThatCode(() -> consent(ConsentKind.FOLLOW_UP_RETENTION, ConsentDecision.GRANTED, null,
                EvidenceMethod.SIGNED_FORM).validate(false, false)).doesNotThrowAnyException();
        // withdrawing needs no signature
        assertThatCode(() -> consent(ConsentKind.FOLLOW_UP_RETENTION, ConsentDecision.WITHDRAWN, null,
                EvidenceMethod.IN_APP).validate(true, false)).doesNotThrowAnyException();
    }

    @Test
    void sharingNamesItsRecipientAndOnlySharingHasOne() {
        refused(InvalidFields.class, () -> consent(ConsentKind.SYNTHESIS_SHARING, ConsentDecision.GRANTED, null,
                EvidenceMethod.IN_APP).validate(true, false));
        refused(InvalidFields.class, () -> consent(ConsentKind.SYNTHESIS_SHARING, ConsentDecision.GRANTED,
                new Recipient(RecipientKind.EMPLOYER, " "), EvidenceMethod.IN_APP).validate(true, false));
        refused(InvalidFields.class, () -> consent(ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, CEP,
                EvidenceMethod.IN_APP).validate(true, false));
        assertThatCode(() -> consent(ConsentKind.SYNTHESIS_SHARING, ConsentDecision.GRANTED, CEP,
                EvidenceMethod.IN_APP).validate(true, false)).doesNotThrowAnyException();
    }

    @Test
    void signedEvidenceCarriesItsHashAndInAppConsentIsTheBeneficiarysOwn() {
        refused(InvalidFields.class, () -> new NewConsent(ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null,
                EvidenceMethod.E_SIGNATURE, "not-a-hash").validate(false, false));
        assertThat(new NewConsent(ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null,
                EvidenceMethod.E_SIGNATURE, " " + "AB".repeat(32) + " ").evidenceSha256()).isEqualTo("ab".repeat(32));
        refused(RuleRefusal.class, () -> consent(ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null,
                EvidenceMethod.IN_APP).validate(false, false));
    }

    @Test
    void onlyPublicSectorAgentsObjectToHrSharing() {
        refused(RuleRefusal.class, () -> consent(ConsentKind.HR_SHARING_OBJECTION, ConsentDecision.GRANTED, null,
                EvidenceMethod.IN_APP).validate(true, false));
        assertThatCode(() -> consent(ConsentKind.HR_SHARING_OBJECTION, ConsentDecision.GRANTED, null,
                EvidenceMethod.IN_APP).validate(true, true)).doesNotThrowAnyException();
    }

    @Test
    void theLatestRecordOfEachKindAndRecipientDecides() {
        List<ConsentEntry> entries = new ArrayList<>();
        entries.add(entry(3, ConsentKind.SYNTHESIS_SHARING, ConsentDecision.WITHDRAWN, CEP));
        entries.add(entry(1, ConsentKind.SYNTHESIS_SHARING, ConsentDecision.GRANTED, CEP));
        entries.add(entry(2, ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null));
        entries.add(entry(4, ConsentKind.SYNTHESIS_SHARING, ConsentDecision.GRANTED,
                new Recipient(RecipientKind.EMPLOYER, "ACME")));
        ConsentLedger ledger = new ConsentLedger(entries);

        assertThat(ledger.entries()).extracting(ConsentEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ledger.inForce(ConsentKind.PARTICIPATION, null)).isTrue();
        assertThat(ledger.inForce(ConsentKind.SYNTHESIS_SHARING, CEP)).isFalse();
        assertThat(ledger.inForce(ConsentKind.SYNTHESIS_SHARING, new Recipient(RecipientKind.EMPLOYER, "acme"))).isTrue();
        assertThat(ledger.inForce(ConsentKind.SYNTHESIS_SHARING, new Recipient(RecipientKind.EMPLOYER, "Other"))).isFalse();
        assertThat(ledger.inForce(ConsentKind.FOLLOW_UP_RETENTION, null)).isFalse();
        assertThat(ledger.deciding(ConsentKind.SYNTHESIS_SHARING, CEP)).get()
                .extracting(ConsentEntry::sequence).isEqualTo(3L);
    }

    @Test
    void onlyWhatIsInForceCanBeWithdrawn() {
        ConsentLedger ledger = new ConsentLedger(List.of(entry(1, ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null)));

        assertThatCode(() -> ledger.checkAccepts(consent(ConsentKind.PARTICIPATION, ConsentDecision.WITHDRAWN, null,
                EvidenceMethod.IN_APP))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ledger.checkAccepts(consent(ConsentKind.SYNTHESIS_SHARING, ConsentDecision.WITHDRAWN,
                CEP, EvidenceMethod.IN_APP)))
                .isInstanceOfSatisfying(RuleRefusal.class,
                        e -> assertThat(e.frenchReason()).contains("pas de consentement en vigueur"));
    }

    private static ConsentEntry entry(long sequence, ConsentKind kind, ConsentDecision decision, Recipient recipient) {
        return new ConsentEntry("id-" + sequence, "b1", kind, decision, recipient, EvidenceMethod.IN_APP, "", "someone",
                Instant.parse("2026-11-23T09:00:00Z").plusSeconds(sequence), sequence);
    }
}
