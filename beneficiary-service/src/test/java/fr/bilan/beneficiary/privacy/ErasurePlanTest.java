package fr.bilan.beneficiary.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ErasurePlanTest {

    private static final Duration RETENTION = Duration.ofDays(365);
    private static final Instant LATEST_CONSENT = Instant.parse("2026-03-10T14:00:00Z");
    private static final Instant NEWEST_ACCESS = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void withoutProcessEvidenceErasesContactAndIdentityAndKeepsTheProofs() {
        ErasurePlan plan = ErasurePlan.of(false, Optional.of(LATEST_CONSENT), Optional.of(NEWEST_ACCESS), RETENTION);

        assertThat(plan.erasesIdentity()).isTrue();
        assertThat(plan.items()).extracting(ErasurePlan.Item::category, ErasurePlan.Item::outcome).containsExactly(
                tuple("coordonnées (adresse e-mail, téléphone, lien avec le compte de connexion)", ErasureOutcome.ERASED),
                tuple("identité (nom, prénom, situation professionnelle)", ErasureOutcome.ERASED),
                tuple(ErasurePlan.BILAN_DOCUMENTS, ErasureOutcome.KEPT),
                tuple("registre des consentements", ErasureOutcome.KEPT),
                tuple("journal des accès aux données", ErasureOutcome.KEPT));
        assertThat(plan.items().get(0).keepUntil()).isEmpty();
        assertThat(plan.items().get(1).keepUntil()).isEmpty();
        assertThat(plan.items().get(1).reason()).contains("RGPD, art. 17");
    }

    @Test
    void keepsTheConsentLedgerThreeYearsAfterItsLatestRecord() {
        ErasurePlan.Item ledger = item(ErasurePlan.of(false, Optional.of(LATEST_CONSENT), Optional.empty(), RETENTION),
                "registre des consentements");

        assertThat(ledger.outcome()).isEqualTo(ErasureOutcome.KEPT);
        assertThat(ledger.keepUntil()).contains(Instant.parse("2029-03-10T14:00:00Z"));
        assertThat(ledger.reason()).contains("RGPD, art. 7.1").contains("3 ans");
        // a leap day moves to the last day of February
        assertThat(item(ErasurePlan.of(false, Optional.of(Instant.parse("2028-02-29T10:00:00Z")), Optional.empty(),
                RETENTION), "registre des consentements").keepUntil()).contains(Instant.parse("2031-02-28T10:00:00Z"));
    }

    @Test
    void keepsAccessRecordsForTheConfiguredRetentionAfterTheNewest() {
        ErasurePlan.Item accesses = item(ErasurePlan.of(false, Optional.empty(), Optional.of(NEWEST_ACCESS),
                Duration.ofDays(180)), "journal des accès aux données");

        assertThat(accesses.keepUntil()).contains(Instant.parse("2027-05-19T08:00:00Z"));
        assertThat(accesses.reason()).contains("RGPD, art. 32").contains("180 jours");
    }

    @Test
    void nothingToSayOfAnEmptyLedgerOrLog() {
        ErasurePlan plan = ErasurePlan.of(false, Optional.empty(), Optional.empty(), RETENTION);
        assertThat(plan.items()).extracting(ErasurePlan.Item::category).doesNotContain(ErasurePlan.FUNDINGS);

        assertThat(plan.items()).extracting(ErasurePlan.Item::outcome)
                .containsExactly(ErasureOutcome.ERASED, ErasureOutcome.ERASED, ErasureOutcome.KEPT);
    }

    @Test
    void leavesTheBilanDocumentsToTheRetentionClockUntilTheEndOfTheAction() {
        ErasurePlan.Item documents = item(ErasurePlan.of(false, Optional.empty(), Optional.empty(), RETENTION),
                ErasurePlan.BILAN_DOCUMENTS);

        assertThat(documents.outcome()).isEqualTo(ErasureOutcome.KEPT);
        assertThat(documents.reason()).contains("à la fin de l'action").contains("3 ans après").contains("R6313-7");
        // the end of the action is an event still to come
        assertThat(documents.keepUntil()).isEmpty();
    }

    @Test
    void processEvidenceKeepsTheNamesUntilAnEventNotYetDated() {
        ErasurePlan plan = ErasurePlan.of(true, Optional.empty(), Optional.empty(), RETENTION);

        assertThat(plan.erasesIdentity()).isFalse();
        assertThat(plan.items().get(0).outcome()).isEqualTo(ErasureOutcome.ERASED);
        ErasurePlan.Item identity = plan.items().get(1);
        assertThat(identity.outcome()).isEqualTo(ErasureOutcome.KEPT);
        assertThat(identity.reason())
                .isEqualTo("preuve de réalisation de l'action (contrôles, L6362-6) : 3 ans après la fin de l'action");
        assertThat(identity.keepUntil()).isEmpty();
        assertThat(item(plan, ErasurePlan.FUNDINGS).outcome()).isEqualTo(ErasureOutcome.KEPT);
        assertThat(item(plan, ErasurePlan.FUNDINGS).reason()).isEqualTo(identity.reason());
    }

    private static ErasurePlan.Item item(ErasurePlan plan, String category) {
        return plan.items().stream().filter(item -> item.category().equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " in " + plan.items()));
    }
}
