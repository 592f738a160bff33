package fr.bilan.retention.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;


class RetentionPolicyTest {

    private static final RetentionPolicy POLICY = new RetentionPolicy(RuleBook.fromClasspath());
    private static final Instant START = paris("2024-03-01T09:00");
    private static final Instant END = paris("2024-05-15T10:00");
    private static final RetainedDocument NOTES = new RetainedDocument(DocumentKind.WORKING_DOCUMENT, paris("2024-03-10T14:00"));
    private static final RetainedDocument SYNTHESIS = new RetainedDocument(DocumentKind.SYNTHESIS_DOCUMENT, paris("2024-05-14T16:00"));

    @Test
    void documentsOfTheBilanAreDueAtTheEndOfTheAction() {
        Decision decision = POLICY.decide(NOTES, timeline(START, END, List.of(), List.of()), paris("2024-05-15T11:00"));

        assertThat(decision.regimeId()).isEqualTo("decret-2023-1350");
        assertThat(decision.rule().id()).isEqualTo("end-of-action");
        assertThat(decision.rule().label()).isEqualTo("Détruit à la fin de l'action");
        assertThat(decision.dueTime()).contains(END);
        assertThat(decision.destroyableAt(paris("2024-05-15T11:00"))).isTrue();
        assertThat(decision.destroyableAt(paris("2024-05-15T09:59"))).isFalse();
    }

    @Test
    void nothingIsDueBeforeTheActionEnds() {
        Decision running = POLICY.decide(NOTES, timeline(START, null, List.of(), List.of()), paris("2030-01-01T00:00"));
        Decision endKnownLater = POLICY.decide(NOTES, timeline(START, END, List.of(), List.of()), paris("2024-05-15T09:00"));

        assertThat(running.dueTime()).isEmpty();
        assertThat(running.destroyableAt(paris("2030-01-01T00:00"))).isFalse();
        assertThat(endKnownLater.dueTime()).isEmpty();
        assertThat(endKnownLater.rule().id()).isEqualTo("end-of-action");
    }

    @Test
    void aDocumentStoredAfterItsDeadlineIsDueAsItArrives() {
        RetainedDocument late = new RetainedDocument(DocumentKind.TEST_RESULT, paris("2024-06-01T08:00"));

        assertThat(POLICY.decide(late, timeline(START, END, List.of(), List.of()), paris("2024-06-01T09:00")).dueTime())
                .contains(paris("2024-06-01T08:00"));
    }

    @Test
    void theWrittenAgreementKeepsTheDocumentsThreeYearsAtTheSameParisTime() {
        Decision decision = POLICY.decide(NOTES, timeline(START, END, List.of(followUp(paris("2024-04-01T10:00"), true)),
                List.of()), paris("2025-01-01T00:00"));

        assertThat(decision.rule().id()).isEqualTo("written-agreement");
        assertThat(decision.rule().source()).isEqualTo("Code du travail, art. R6313-7, b");
        assertThat(decision.dueTime()).contains(paris("2027-05-15T10:00"));
    }

    @Test
    void aTwentyNinthOfFebruaryEndIsKeptUntilTheTwentyEighth() {
        Instant end = paris("2024-02-29T10:00");

        assertThat(POLICY.decide(NOTES, timeline(paris("2024-01-02T09:00"), end, List.of(followUp(end, true)), List.of()), end)
                .dueTime()).contains(paris("2027-02-28T10:00"));
    }

    @Test
    void actionsStartedBefore2024KeepTheExceptionsOneYear() {
        List<ConsentRecord> agreed = List.of(followUp(paris("2023-12-31T23:30"), true));
        Instant lastDayOfTheOldText = paris("2023-12-31T23:30");
        Instant firstDayOfTheDecree = paris("2024-01-01T00:00");

        Decision old = POLICY.decide(NOTES, timeline(lastDayOfTheOldText, END, agreed, List.of()), END);
        Decision current = POLICY.decide(NOTES, timeline(firstDayOfTheDecree, END, agreed, List.of()), END);

        assertThat(old.regimeId()).isEqualTo("r6313-7-before-2024");
        assertThat(old.rule().id()).isEqualTo("written-agreement");
        assertThat(old.dueTime()).contains(paris("2025-05-15T10:00"));
        assertThat(current.regimeId()).isEqualTo("decret-2023-1350");
        assertThat(current.dueTime()).contains(paris("2027-05-15T10:00"));
    }

    @Test
    void theRegimeFollowsTheParisDayOfTheStartNotTheUtcOne() {
        // 23:30 UTC on 31 December 2023 is already 1 January 2024 in Paris
        Decision decision = POLICY.decide(NOTES, timeline(Instant.parse("2023-12-31T23:30:00Z"), END, List.of(), List.of()), END);

        assertThat(decision.regimeId()).isEqualTo("decret-2023-1350");
    }

    @Test
    void withdrawingTheAgreementBeforeTheEndLeavesTheDocumentsDueAtTheEnd() {
        Instant withdrawal = paris("2024-05-01T12:00");
        BilanTimeline timeline = timeline(START, END,
                List.of(followUp(paris("2024-04-01T10:00"), true), followUp(withdrawal, false)), List.of());

        Decision decision = POLICY.decide(NOTES, timeline, paris("2024-05-15T11:00"));

        assertThat(decision.rule().id()).isEqualTo("end-of-action");
        assertThat(decision.dueTime()).contains(END);
    }

    @Test
    void withdrawingTheAgreementAfterTheEndMakesTheDocumentsDueAtTheWithdrawalNotBeforeIt() {
        Instant withdrawal = paris("2024-09-15T10:00"); // the end + 4 months
        BilanTimeline timeline = timeline(START, END,
                List.of(followUp(paris("2024-04-01T10:00"), true), followUp(withdrawal, false)), List.of());

        Decision before = POLICY.decide(NOTES, timeline, withdrawal.minusSeconds(1));
        Decision after = POLICY.decide(NOTES, timeline, withdrawal);
        Decision later = POLICY.decide(NOTES, timeline, paris("2025-02-01T12:00"));

        assertThat(before.dueTime()).contains(paris("2027-05-15T10:00"));
        assertThat(before.destroyableAt(withdrawal.minusSeconds(1))).isFalse();
        // due at the withdrawal, destroyable at once, and never shown months late
        assertThat(after.dueTime()).contains(withdrawal);
        assertThat(after.destroyableAt(withdrawal)).isTrue();
        assertThat(after.rule().id()).isEqualTo("written-agreement");
        assertThat(later.dueTime()).contains(withdrawal);
    }

    @Test
    void anAgreementGrantedAgainAfterItsWithdrawalKeepsTheDocumentsThreeYearsAfterTheEnd() {
        BilanTimeline timeline = timeline(START, END, List.of(followUp(paris("2024-04-01T10:00"), true),
                followUp(paris("2024-09-15T10:00"), false), followUp(paris("2024-10-01T10:00"), true)), List.of());

        Decision decision = POLICY.decide(NOTES, timeline, paris("2024-10-01T10:00"));

        assertThat(decision.rule().id()).isEqualTo("written-agreement");
        assertThat(decision.dueTime()).contains(paris("2027-05-15T10:00"));
    }

    @Test
    void anAgreementWithdrawnAfterItsThreeYearsLeavesTheDocumentsDueAtTheirEnd() {
        BilanTimeline timeline = timeline(START, END, List.of(followUp(paris("2024-04-01T10:00"), true),
                followUp(paris("2027-06-01T10:00"), false)), List.of());

        assertThat(POLICY.decide(NOTES, timeline, paris("2027-06-01T10:00")).dueTime()).contains(paris("2027-05-15T10:00"));
    }

    @Test
    void anAgreementGivenAfterTheEndThenWithdrawnKeepsTheDocumentsUntilItsWithdrawal() {
        Instant withdrawal = paris("2024-07-01T10:00");
        BilanTimeline timeline = timeline(START, END,
                List.of(followUp(paris("2024-06-01T10:00"), true), followUp(withdrawal, false)), List.of());

        assertThat(POLICY.decide(NOTES, timeline, paris("2024-08-01T10:00")).dueTime()).contains(withdrawal);
    }

    @Test
    void aWithdrawalAfterTheEndOfAnActionBegunBefore2024CountsWithinTheOneYear() {
        Instant start = paris("2023-11-02T09:00");
        List<ConsentRecord> withdrawnAt4Months = List.of(followUp(paris("2023-12-01T10:00"), true),
                followUp(paris("2024-09-15T10:00"), false));
        List<ConsentRecord> withdrawnAfterTheYear = List.of(followUp(paris("2023-12-01T10:00"), true),
                followUp(paris("2025-06-01T10:00"), false));

        assertThat(POLICY.decide(NOTES, timeline(start, END, withdrawnAt4Months, List.of()), paris("2026-01-01T00:00"))
                .dueTime()).contains(paris("2024-09-15T10:00"));
        assertThat(POLICY.decide(NOTES, timeline(start, END, withdrawnAfterTheYear, List.of()), paris("2026-01-01T00:00"))
                .dueTime()).contains(paris("2025-05-15T10:00"));
    }

    @Test
    void aDocumentStoredAfterTheWithdrawalIsDueAsItArrives() {
        RetainedDocument late = new RetainedDocument(DocumentKind.TEST_RESULT, paris("2024-10-01T08:00"));
        BilanTimeline timeline = timeline(START, END,
                List.of(followUp(paris("2024-04-01T10:00"), true), followUp(paris("2024-09-15T10:00"), false)), List.of());

        assertThat(POLICY.decide(late, timeline, paris("2024-10-01T09:00")).dueTime()).contains(paris("2024-10-01T08:00"));
    }

    @Test
    void aGrantAfterAWithdrawalCountsAgain() {
        BilanTimeline timeline = timeline(START, END, List.of(followUp(paris("2024-04-01T10:00"), true),
                followUp(paris("2024-04-02T10:00"), false), followUp(paris("2024-04-03T10:00"), true)), List.of());

        assertThat(POLICY.decide(NOTES, timeline, END).rule().id()).isEqualTo("written-agreement");
    }

    @Test
    void theSynthesisSentToTheCepAdvisorIsKeptThreeYears() {
        BilanTimeline timeline = timeline(START, END, List.of(sharing(RecipientKind.CEP_ADVISOR, paris("2024-05-15T09:00"), true)),
                List.of());

        Decision synthesis = POLICY.decide(SYNTHESIS, timeline, END);
        Decision notes = POLICY.decide(NOTES, timeline, END);

        assertThat(synthesis.rule().id()).isEqualTo("cep-synthesis");
        assertThat(synthesis.dueTime()).contains(paris("2027-05-15T10:00"));
        assertThat(notes.rule().id()).isEqualTo("end-of-action");
        assertThat(notes.dueTime()).contains(END);
    }

    @Test
    void sharingTheSynthesisWithTheEmployerKeepsNothing() {
        BilanTimeline timeline = timeline(START, END, List.of(sharing(RecipientKind.EMPLOYER, paris("2024-05-15T09:00"), true)),
                List.of());

        assertThat(POLICY.decide(SYNTHESIS, timeline, END).dueTime()).contains(END);
    }

    @Test
    void withdrawingTheCepSharingAfterTheEndMakesTheSynthesisDueAtTheWithdrawal() {
        Instant withdrawal = paris("2025-01-01T09:00");
        BilanTimeline timeline = timeline(START, END, List.of(sharing(RecipientKind.CEP_ADVISOR, paris("2024-05-15T09:00"), true),
                sharing(RecipientKind.CEP_ADVISOR, withdrawal, false)), List.of());

        Decision synthesis = POLICY.decide(SYNTHESIS, timeline, withdrawal);

        assertThat(synthesis.rule().id()).isEqualTo("cep-synthesis");
        assertThat(synthesis.dueTime()).contains(withdrawal);
        // the sharing never kept the working documents: they stay due at the end
        assertThat(POLICY.decide(NOTES, timeline, withdrawal).dueTime()).contains(END);
    }

    @Test
    void processEvidenceIsKeptThreeYearsUnderBothRegimes() {
        for (DocumentKind kind : List.of(DocumentKind.ATTENDANCE, DocumentKind.AGREEMENT, DocumentKind.PROCESS_EVIDENCE)) {
            // a holder's content entry is stored at the end of the action
            RetainedDocument evidence = new RetainedDocument(kind, END);
            for (Instant start : List.of(paris("2023-11-20T09:00"), paris("2024-01-01T09:00"))) {
                Decision decision = POLICY.decide(evidence, timeline(start, END, List.of(), List.of()), END);
                assertThat(decision.rule().id()).as("%s begun %s", kind, start).isEqualTo("process-evidence");
                assertThat(decision.rule().source()).contains("L6362-6");
                assertThat(decision.dueTime()).as("%s begun %s", kind, start).contains(paris("2027-05-15T10:00"));
            }
        }
    }

    @Test
    void noConsentShortensOrLengthensTheProcessEvidence() {
        Instant withdrawal = paris("2025-01-01T09:00");
        BilanTimeline consentsGivenThenWithdrawn = timeline(START, END, List.of(followUp(START, true),
                sharing(RecipientKind.CEP_ADVISOR, START, true), followUp(withdrawal, false),
                sharing(RecipientKind.CEP_ADVISOR, withdrawal, false)), List.of());

        for (DocumentKind kind : List.of(DocumentKind.ATTENDANCE, DocumentKind.AGREEMENT)) {
            Decision decision = POLICY.decide(new RetainedDocument(kind, END), consentsGivenThenWithdrawn, withdrawal);
            assertThat(decision.rule().id()).isEqualTo("process-evidence");
            assertThat(decision.dueTime()).contains(paris("2027-05-15T10:00"));
            assertThat(decision.destroyableAt(paris("2027-05-15T09:59"))).isFalse();
        }
    }

    @Test
    void theRuleKeepingLongestWinsAndEqualOnesKeepTheFirstListed() {
        BilanTimeline both = timeline(START, END, List.of(followUp(START, true),
                sharing(RecipientKind.CEP_ADVISOR, START, true)), List.of());

        Decision decision = POLICY.decide(SYNTHESIS, both, END);

        assertThat(decision.rule().id()).isEqualTo("written-agreement");
        assertThat(decision.dueTime()).contains(paris("2027-05-15T10:00"));
    }

    @Test
    void aHoldBlocksTheDestructionWithoutMovingTheDueTime() {
        Instant lift = paris("2026-01-10T15:00");
        BilanTimeline timeline = timeline(START, END, List.of(),
                List.of(new LegalHoldChange("litige-1", paris("2024-05-01T08:00"), true), new LegalHoldChange("litige-1", lift, false)));

        Decision held = POLICY.decide(NOTES, timeline, lift.minusSeconds(1));
        Decision lifted = POLICY.decide(NOTES, timeline, lift);

        assertThat(held.held()).isTrue();
        assertThat(held.dueTime()).contains(END);
        assertThat(held.destroyableAt(lift.minusSeconds(1))).isFalse();
        assertThat(lifted.held()).isFalse();
        assertThat(lifted.dueTime()).contains(END);
        assertThat(lifted.destroyableAt(lift)).isTrue();
    }

    @Test
    void aDocumentStaysHeldWhileAnyHoldStands() {
        BilanTimeline timeline = timeline(START, END, List.of(), List.of(
                new LegalHoldChange("controle", paris("2024-06-01T08:00"), true),
                new LegalHoldChange("litige", paris("2024-06-02T08:00"), true),
                new LegalHoldChange("controle", paris("2024-07-01T08:00"), false)));

        assertThat(POLICY.decide(NOTES, timeline, paris("2024-08-01T08:00")).held()).isTrue();
    }

    private static BilanTimeline timeline(Instant start, Instant end, List<ConsentRecord> consents, List<LegalHoldChange> holds) {
        return new BilanTimeline(start, Optional.ofNullable(end), consents, holds);
    }

    private static ConsentRecord followUp(Instant time, boolean granted) {
        return new ConsentRecord(time, ConsentKind.FOLLOW_UP_RETENTION, null, decision(granted));
    }

    private static ConsentRecord sharing(RecipientKind recipient, Instant time, boolean granted) {
        return new ConsentRecord(time, ConsentKind.SYNTHESIS_SHARING, recipient, decision(granted));
    }

    private static ConsentDecision decision(boolean granted) {
        return granted ? ConsentDecision.GRANTED : ConsentDecision.WITHDRAWN;
    }

    private static Instant paris(String localTime) {
        return LocalDateTime.parse(localTime).atZone(RetentionPolicy.LEGAL_ZONE).toInstant();
    }
}
