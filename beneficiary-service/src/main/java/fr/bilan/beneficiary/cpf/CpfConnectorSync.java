package fr.bilan.beneficiary.cpf;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import fr.bilan.support.refusal.DomainRefusal;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;

/**
 * Applies what a connector reports of the CPF platform, each step through the same operation staff
 * use ({@link CpfDossiers#recordStep}), recorded as made by the connector: a step the dossier refuses
 * (out of order, a bad date) is reported and not applied, and the sync goes on. Each step is recorded
 * under its platform id as idempotency key, so a batch read again after a failure changes nothing
 * twice. Where the connector stopped is kept in {@code cpfConnectorCursors}. One replica runs it at a
 * time ({@link CpfConnectorConfiguration}).
 */
public class CpfConnectorSync {

    private static final Logger log = LoggerFactory.getLogger(CpfConnectorSync.class);

    private final CpfPlatformConnector connector;
    private final CpfDossiers dossiers;
    private final CpfDossierRepository repository;
    private final MongoCollection<Document> cursors;
    private final int batchSize;

    public CpfConnectorSync(CpfPlatformConnector connector, CpfDossiers dossiers, CpfDossierRepository repository,
            MongoDatabase database, int batchSize) {
        this.connector = connector;
        this.dossiers = dossiers;
        this.repository = repository;
        this.cursors = database.getCollection("cpfConnectorCursors");
        this.batchSize = batchSize;
    }

    /** A step reported and not applied, and why (in French, as staff would have been told). */
    public record Refused(CpfPlatformConnector.ReportedStep step, String reason) {
    }

    /** What a run did. */
    public record Report(int applied, List<Refused> refused) {
    }

    /** Applies the steps reported since the last run, one batch. */
    public Report run() {
        Document stored = cursors.find(Filters.eq("_id", connector.name())).first();
        CpfPlatformConnector.Batch batch = connector.stepsSince(stored == null ? "" : stored.getString("cursor"), batchSize);
        int applied = 0;
        List<Refused> refused = new ArrayList<>();
        for (CpfPlatformConnector.ReportedStep reported : batch.steps()) {
            try {
                CpfDossier dossier = repository.findByNumber(reported.dossierNumber())
                        .orElseThrow(() -> new NotFound("Aucun dossier CPF n'a le "
                                + "numéro « " + reported.dossierNumber() + " »."));
                dossiers.recordStep(dossier, "", reported.step(), connector.name(), StepSource.CONNECTOR,
                        "connector:" + connector.name() + ":" + reported.stepId());
                applied++;
            } catch (DomainRefusal refusal) {
                String reason = refusal instanceof InvalidFields invalid
                        ? String.join(" ", invalid.violations().stream()
                                .map(violation -> violation.field() + " : " + violation.description()).toList())
                        : refusal.frenchReason();
                log.warn("CPF connector {}: step {} of dossier {} not applied: {}", connector.name(), reported.stepId(),
                        reported.dossierNumber(), reason);
                refused.add(new Refused(reported, reason));
            }
        }
        cursors.replaceOne(Filters.eq("_id", connector.name()), new Document("_id", connector.name())
                .append("cursor", batch.cursor()), new ReplaceOptions().upsert(true));
        return new Report(applied, refused);
    }
}
