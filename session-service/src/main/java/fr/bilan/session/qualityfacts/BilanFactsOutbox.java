package fr.bilan.session.qualityfacts;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.assessment.BilanFacts;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;

/**
 * The bilan facts' outbox ({@code outbox=bilan-facts}), carried by the bilans ({@code assessments})
 * themselves: a change that alters a bilan's facts ({@link BilanFacts#changed}: a session planned,
 * cancelled, held or missed, the start, the end and its outcome, the hand-over, the consultant, the funding
 * agreed) arms its {@code bilanFacts} marker in the same update ({@link AssessmentRepository#BILAN_FACTS}).
 * The relay tells quality-service ({@code QualityIntakeService/RecordBilanFacts}, with the service's own
 * token) the facts as the bilan then stands, whole, under its version: quality-service keeps the newest, so
 * a change made meanwhile, told by the next run, is never overtaken by an older one, and a redelivery
 * changes nothing.
 */
@Component
class BilanFactsOutbox implements OutboxDefinition<BilanFactsOutbox.PendingFacts> {

    /** A bilan whose facts wait for delivery, as the marker's {@code version} armed it. */
    record PendingFacts(Assessment assessment, long version, int attempts) {
    }

    /** quality-service: {@code spring.grpc.client.channel.quality.*}. */
    static final String QUALITY_CHANNEL = "quality";

    private final OutboxCollection entries;
    private final Centres centres;

    BilanFactsOutbox(MongoDatabase database, Centres centres) {
        // the index of its read is made by the repository, which owns the collection
        this.entries = new OutboxCollection(database.getCollection(AssessmentRepository.COLLECTION),
                AssessmentRepository.BILAN_FACTS,
                AssessmentRepository.BILAN_FACTS.field() + "." + AssessmentRepository.NOTICES_TIME);
        this.centres = centres;
    }

    @Override
    public String name() {
        return "bilan-facts";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public PendingFacts read(Document assessment) {
        return new PendingFacts(AssessmentRepository.fromDocument(assessment),
                AssessmentRepository.armedVersion(AssessmentRepository.BILAN_FACTS, assessment),
                AssessmentRepository.BILAN_FACTS.attemptsOf(assessment));
    }

    /** Acknowledging the facts read leaves a later change's pending. */
    @Override
    public PendingEntry entry(PendingFacts pending) {
        Assessment assessment = pending.assessment();
        return new PendingEntry(assessment.id(), pending.attempts(), "Bilan facts of assessment " + assessment.id()
                + " (centre " + assessment.centreId() + ", version " + pending.version() + ")",
                AssessmentRepository.armedAt(AssessmentRepository.BILAN_FACTS, pending.version()));
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var quality = receivers.asService(QUALITY_CHANNEL, QualityIntakeServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (pending, deadline) -> {
            Assessment assessment = pending.assessment();
            return quality.withDeadline(deadline).recordBilanFacts(BilanFactsMessages.request(BilanFacts.of(assessment),
                    assessment.version(), centres.of(assessment.centreId()).zoneId())).getApplied();
        });
    }
}
