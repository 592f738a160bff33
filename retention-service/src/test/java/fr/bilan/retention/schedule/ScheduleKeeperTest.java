package fr.bilan.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.retention.action.ActionEnd;
import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.action.ActionOutcome;
import fr.bilan.retention.consent.ConsentChange;
import fr.bilan.retention.consent.ConsentChanges;
import fr.bilan.retention.document.DestructionState;
import fr.bilan.retention.document.RegisteredDocument;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.document.StoredDocument;
import fr.bilan.retention.document.StoredDocuments;
import fr.bilan.retention.hold.LegalHolds;
import fr.bilan.retention.rules.ConsentDecision;
import fr.bilan.retention.rules.ConsentKind;
import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.rules.RuleBook;
import fr.bilan.support.testing.MemoryMongo;

/** Due dates follow the events, and a decision never overwrites an event that came in after its read. */
class ScheduleKeeperTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant END = NOW.minus(10, ChronoUnit.DAYS);

    private final MongoDatabase database = MONGO.freshDatabase();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StoredDocuments documents = new StoredDocuments(database);
    private final Registry registry = new Registry(database);
    private final ActionEnds ends = new ActionEnds(database);
    private final ConsentChanges consents = new ConsentChanges(database);
    private final RuleBook rules = RuleBook.fromClasspath();
    private final ScheduleKeeper keeper = new ScheduleKeeper(registry,
            new Timelines(ends, consents, new LegalHolds(database)), new RetentionPolicy(rules), rules, clock);

    @Test
    void aDocumentWaitsForTheEndThenFollowsTheConsentLedger() {
        document("doc-1", DocumentKind.SYNTHESIS_DOCUMENT);
        keeper.catchUp();
        assertThat(entry("doc-1").state()).isEqualTo(DestructionState.AWAITING_ACTION_END);
        assertThat(entry("doc-1").dueTime()).isEmpty();

        ends.takeIn(new ActionEnd("end-1", "bilan-1", "beneficiary-1", "centre-1", ActionOutcome.COMPLETED,
                END.minus(60, ChronoUnit.DAYS), END, null, ""), NOW);
        registry.markAssessment("bilan-1");
        keeper.catchUp();
        assertThat(entry("doc-1").state()).isEqualTo(DestructionState.SCHEDULED);
        assertThat(entry("doc-1").dueTime()).contains(END);

        consents.takeIn(new ConsentChange("consent-1", "beneficiary-1", 1, ConsentKind.FOLLOW_UP_RETENTION,
                ConsentDecision.GRANTED, null, END.minusSeconds(60)), NOW);
        registry.markBeneficiary("beneficiary-1");
        keeper.catchUp();
        assertThat(entry("doc-1").ruleId()).isEqualTo("written-agreement");
        assertThat(entry("doc-1").dueTime().orElseThrow()).isAfter(END.plus(3 * 365 - 2, ChronoUnit.DAYS));
    }

    @Test
    void aDecisionReadBeforeAMarkIsNotWrittenAndTheMarkStays() {
        document("doc-2", DocumentKind.WORKING_DOCUMENT);
        RegisteredDocument read = entry("doc-2");
        registry.markAssessment("bilan-1");

        int written = registry.writeSchedule(List.of(new Registry.Scheduling(read, Optional.empty())),
                rules.fingerprint(), NOW);

        assertThat(written).isZero();
        assertThat(registry.markedAssessments(10)).containsEntry("bilan-1", "beneficiary-1");
        assertThat(keeper.catchUp()).isEqualTo(1);
        assertThat(registry.markedAssessments(10)).isEmpty();
    }

    @Test
    void aNewRuleBookHasEveryPendingDecisionTakenAgain() {
        document("doc-3", DocumentKind.WORKING_DOCUMENT);
        ends.takeIn(new ActionEnd("end-3", "bilan-1", "beneficiary-1", "centre-1", ActionOutcome.COMPLETED,
                END.minus(60, ChronoUnit.DAYS), END, null, ""), NOW);
        keeper.catchUp();
        assertThat(registry.markedAssessments(10)).isEmpty();

        assertThat(registry.markDecidedUnderOtherRules("another rule book")).isEqualTo(1);
        assertThat(registry.markedAssessments(10)).containsKey("bilan-1");
        assertThat(registry.markDecidedUnderOtherRules(rules.fingerprint())).isZero();
    }

    private void document(String id, DocumentKind kind) {
        documents.takeIn(new StoredDocument(id, kind, "bilan-1", "beneficiary-1", "centre-1", "synthesis-service",
                "bilan-synthesis", "assessments/" + id, "ab".repeat(32), 10, END.minus(1, ChronoUnit.DAYS)), NOW);
    }

    private RegisteredDocument entry(String id) {
        return registry.pendingOf(List.of("bilan-1")).stream().filter(entry -> entry.id().equals(id)).findFirst()
                .orElseThrow();
    }

}
