package fr.bilan.session.cpfprogress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import fr.bilan.proto.beneficiary.internal.v1.BilanEnded;
import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.BilanStarted;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxMarker;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;
import fr.bilan.support.time.ProtoDates;

/**
 * The CPF progress outbox ({@code outbox=cpf-progress}), carried by the bilans ({@code assessments})
 * themselves: what the CPF dossier of a funded bilan must hear from it, for beneficiary-service to
 * propose the entry and the exit to the staff ({@code CpfTrackingService/RecordBilanProgress}).
 * The update that makes a fact (the first attended session of the action; its end) arms the bilan's
 * {@code cpfProgress} marker ({@link #MARKER}) and writes the fact beside it: {@code started}
 * ({@code eventId}, {@code firstSessionTime}) or {@code ended} ({@code eventId}, {@code endTime},
 * {@code outcome}, {@code deliveredSeconds}, {@code absences}), with {@code version}, the bilan's
 * version that armed it, and {@code time}, when. The relay tells every fact the marker holds, each
 * under an event id of its own derived from the bilan ({@code cpf-progress/<id>/started},
 * {@code /ended}): a fact told again is one the receiver already has and ignores. Dates are the
 * centre's days ({@link Centres}), read when sent. The facts go once the evidence is destroyed,
 * with the rest of how the bilan ran.
 */
@Component
public class CpfProgressOutbox implements OutboxDefinition<PendingCpfProgress> {

    /** The bilans' collection, which carries the marker. */
    public static final String COLLECTION = "assessments";
    public static final OutboxMarker MARKER = new OutboxMarker("cpfProgress");
    /** The marker's fields beside the delivery's: the bilan's version that armed it, and when. */
    public static final String VERSION = "version";
    public static final String TIME = "time";
    /** The facts it holds. */
    public static final String STARTED = "started";
    public static final String ENDED = "ended";
    static final String EVENT_ID = "eventId";
    static final String FIRST_SESSION_TIME = "firstSessionTime";
    static final String END_TIME = "endTime";
    static final String OUTCOME = "outcome";
    static final String DELIVERED_SECONDS = "deliveredSeconds";
    static final String ABSENCES = "absences";
    /** beneficiary-service, where the dossiers are: {@code spring.grpc.client.channel.beneficiary.*}. */
    static final String BENEFICIARY_CHANNEL = "beneficiary";

    private final OutboxCollection entries;
    private final Centres centres;

    CpfProgressOutbox(MongoDatabase database, Centres centres) {
        MongoCollection<Document> assessments = database.getCollection(COLLECTION);
        this.entries = new OutboxCollection(assessments, MARKER, MARKER.field() + "." + TIME);
        this.centres = centres;
        // the relay's read: due pending facts (others sort apart, as null)
        assessments.createIndex(Indexes.ascending(MARKER.pending(), MARKER.nextAttemptTime()));
    }

    /**
     * The writes that arm the marker of a bilan changed from {@code version} at {@code now}: pending
     * again, its delivery state fresh, whatever facts it already holds kept.
     */
    public static List<Bson> armed(long version, Instant now) {
        List<Bson> updates = new ArrayList<>();
        OutboxMarker.newPending(now).forEach((field, value) -> updates.add(Updates.set(MARKER.field() + "." + field, value)));
        updates.add(Updates.set(MARKER.field() + "." + VERSION, version + 1));
        updates.add(Updates.set(MARKER.field() + "." + TIME, Date.from(now)));
        updates.add(Updates.unset(MARKER.deliveredTime()));
        updates.add(Updates.unset(MARKER.lastAttemptTime()));
        updates.add(Updates.unset(MARKER.lastStatus()));
        return updates;
    }

    /** The write of the start: the first attended session of the action began at {@code firstSessionTime}. */
    public static Bson started(String assessmentId, Instant firstSessionTime) {
        return Updates.set(MARKER.field() + "." + STARTED, new Document(EVENT_ID, eventId(assessmentId, STARTED))
                .append(FIRST_SESSION_TIME, Date.from(firstSessionTime)));
    }

    /** The write of the end of the action. */
    public static Bson ended(String assessmentId, Instant endTime, String outcome, Duration delivered, int absences) {
        return Updates.set(MARKER.field() + "." + ENDED, new Document(EVENT_ID, eventId(assessmentId, ENDED))
                .append(END_TIME, Date.from(endTime)).append(OUTCOME, outcome)
                .append(DELIVERED_SECONDS, delivered.toSeconds()).append(ABSENCES, absences));
    }

    /** The writes that drop the facts with the evidence: they say how the bilan ran. */
    public static List<Bson> forgotten() {
        return List.of(Updates.unset(MARKER.field() + "." + STARTED), Updates.unset(MARKER.field() + "." + ENDED));
    }

    /** One fact, one event id, whatever the delivery attempt: the receiver keeps each once. */
    static String eventId(String assessmentId, String fact) {
        return "cpf-progress/" + assessmentId + "/" + fact;
    }

    @Override
    public String name() {
        return "cpf-progress";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    /** An assessment holds much more than its facts: only what they need is read. */
    @Override
    public Bson projection() {
        return Projections.include(PendingCpfProgress.CENTRE, PendingCpfProgress.FUNDING, MARKER.field());
    }

    @Override
    public PendingCpfProgress read(Document assessment) {
        return PendingCpfProgress.of(assessment);
    }

    /** Acknowledging the facts read leaves pending those a later change armed meanwhile. */
    @Override
    public PendingEntry entry(PendingCpfProgress pending) {
        return new PendingEntry(pending.assessmentId(), pending.attempts(), "CPF progress of assessment "
                + pending.assessmentId() + " (centre " + pending.centreId() + ", version " + pending.version() + ")",
                Filters.eq(MARKER.field() + "." + VERSION, pending.version()));
    }

    /**
     * Each fact in one call, the start first. The receiver does not say whether it had a fact
     * already: whether a CPF dossier took one ({@code recorded}) stands for a first delivery.
     */
    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var dossiers = receivers.asService(BENEFICIARY_CHANNEL, CpfTrackingServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (pending, deadline) -> {
            boolean recorded = false;
            for (RecordBilanProgressRequest request : requests(pending, centres.of(pending.centreId()).zoneId())) {
                recorded |= dossiers.withDeadline(deadline).recordBilanProgress(request).getRecorded();
            }
            return recorded;
        });
    }

    /** The facts as the dossier reads them: identifiers, the centre's days, hours; no name. */
    static List<RecordBilanProgressRequest> requests(PendingCpfProgress pending, ZoneId zone) {
        List<RecordBilanProgressRequest> requests = new ArrayList<>();
        if (pending.started() != null) {
            BilanStarted.Builder started = BilanStarted.newBuilder();
            if (pending.started().firstSessionTime() != null) {
                started.setFirstSessionDate(day(pending.started().firstSessionTime(), zone));
            }
            requests.add(request(pending, pending.started().eventId()).setStarted(started).build());
        }
        if (pending.ended() != null) {
            PendingCpfProgress.Ended ended = pending.ended();
            BilanEnded.Builder message = BilanEnded.newBuilder().setOutcome(outcome(ended.outcome()))
                    .setDelivered(com.google.protobuf.Duration.newBuilder().setSeconds(ended.delivered().toSeconds()))
                    .setAbsences(ended.absences());
            if (ended.endTime() != null) {
                message.setEndDate(day(ended.endTime(), zone));
            }
            requests.add(request(pending, ended.eventId()).setEnded(message).build());
        }
        return requests;
    }

    private static RecordBilanProgressRequest.Builder request(PendingCpfProgress pending, String eventId) {
        return RecordBilanProgressRequest.newBuilder().setEventId(eventId).setAssessmentId(pending.assessmentId())
                .setFundingId(pending.fundingId());
    }

    private static com.google.type.Date day(Instant time, ZoneId zone) {
        return ProtoDates.of(LocalDate.ofInstant(time, zone));
    }

    /** An outcome the proto does not know goes unspecified: the receiver refuses it by name, the others still go. */
    private static BilanOutcome outcome(String outcome) {
        try {
            return BilanOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            return BilanOutcome.BILAN_OUTCOME_UNSPECIFIED;
        }
    }
}
