package fr.bilan.beneficiary.cpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.proto.beneficiary.v1.Funding;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The connector port driven by a fake CPF platform (steps applied through staff's own operation,
 * recorded as the connector's; an out-of-order one reported, not applied), and the overdue gauge.
 */
class CpfConnectorAndMetricTest extends BeneficiaryServiceTestSupport {

    @Autowired
    private CpfDossiers dossiers;
    @Autowired
    private CpfDossierRepository repository;
    @Autowired
    private MongoDatabase database;
    @Autowired
    private CpfOverdueMetrics metrics;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private ApplicationContext context;

    @Test
    void noConnectorRunsByDefault() {
        assertThat(context.getBeanNamesForType(CpfPlatformConnector.class)).isEmpty();
        assertThat(context.containsBean("cpfConnectorSchedule")).isFalse();
    }

    /** A CPF funding of a new centre, its dossier under a number of its own. */
    private String dossierWithNumber(String centre, String number) {
        Funding funding = CpfDossierGrpcServiceTest.cpfFunding(centre);
        // each test's own number: the connector finds the dossier by it
        database.getCollection(CpfDossierRepository.COLLECTION).updateOne(Filters.eq("_id", funding.getId()),
                Updates.set(CpfDossierRepository.NUMBER, number));
        return funding.getId();
    }

    private static String number() {
        return Long.toString(10_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    @Test
    void aSequenceOfPlatformStepsMovesTheDossierToServiceDoneValidatedAndAnOutOfOrderOneIsReportedNotApplied() {
        clock.set(CpfDossierGrpcServiceTest.MONDAY);
        String number = number();
        String id = dossierWithNumber("centre-cpf-" + UUID.randomUUID(), number);
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        String connector = "fake-edof-" + UUID.randomUUID();
        var platform = new FakeCpfPlatformConnector(connector)
                .made(number, new CpfStepInput(CpfState.VALIDATED, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 18),
                        Duration.ofHours(20), ""))
                .made(number, CpfStepInput.of(CpfState.ACCEPTED, LocalDate.of(2026, 3, 5)))
                // out of order: the entry was not declared yet
                .made(number, CpfStepInput.of(CpfState.TERMINATED, LocalDate.of(2026, 3, 6)));
        var sync = new CpfConnectorSync(platform, dossiers, repository, database, 2);

        assertThat(sync.run()).isEqualTo(new CpfConnectorSync.Report(2, List.of()));
        Document before = database.getCollection(CpfDossierRepository.COLLECTION).find(Filters.eq("_id", id)).first();
        CpfConnectorSync.Report refused = sync.run();

        assertThat(refused.applied()).isZero();
        assertThat(refused.refused()).singleElement().satisfies(one -> {
            assertThat(one.step().stepId()).isEqualTo("step-2");
            assertThat(one.reason()).contains("« accepté »", "« sortie de formation »");
        });
        assertThat(database.getCollection(CpfDossierRepository.COLLECTION).find(Filters.eq("_id", id)).first())
                .isEqualTo(before);

        platform.made(number, CpfStepInput.of(CpfState.IN_TRAINING, LocalDate.of(2026, 3, 18)))
                .made(number, CpfStepInput.of(CpfState.TERMINATED, LocalDate.of(2026, 5, 29)))
                .made(number, CpfStepInput.of(CpfState.SERVICE_DONE_DECLARED, LocalDate.of(2026, 5, 29)))
                .made(number, CpfStepInput.of(CpfState.SERVICE_DONE_VALIDATED, LocalDate.of(2026, 6, 1)));
        assertThat(sync.run().applied()).isEqualTo(2);
        assertThat(sync.run().applied()).isEqualTo(2);
        assertThat(sync.run()).isEqualTo(new CpfConnectorSync.Report(0, List.of()));

        CpfDossier paid = repository.find(id).orElseThrow();
        assertThat(paid.state()).isEqualTo(CpfState.SERVICE_DONE_VALIDATED);
        assertThat(paid.history().subList(1, paid.history().size())).allSatisfy(step -> {
            assertThat(step.source()).isEqualTo(StepSource.CONNECTOR);
            assertThat(step.recordedBy()).isEqualTo(connector);
        });
        assertThat(paid.history()).hasSize(7);
    }

    @Test
    void aStepReportedAgainIsRecordedOnce() {
        clock.set(CpfDossierGrpcServiceTest.MONDAY);
        String number = number();
        String id = dossierWithNumber("centre-cpf-" + UUID.randomUUID(), number);
        var platform = new FakeCpfPlatformConnector("fake-edof-" + UUID.randomUUID())
                .made(number, CpfStepInput.of(CpfState.REFUSED_BY_CENTRE, LocalDate.of(2026, 3, 2)));
        var sync = new CpfConnectorSync(platform, dossiers, repository, database, 10);
        assertThat(sync.run().applied()).isEqualTo(1);
        // as if the cursor had not been saved: the same batch is read again
        database.getCollection("cpfConnectorCursors").deleteOne(Filters.eq("_id", platform.name()));

        CpfConnectorSync.Report again = sync.run();

        assertThat(again.refused()).isEmpty();
        assertThat(repository.find(id).orElseThrow().history()).hasSize(2);
    }

    @Test
    void theOverdueGaugeCountsEachCentresOverdueDossiersAndFallsToZero() {
        String centre = "centre-cpf-" + UUID.randomUUID();
        clock.set(CpfDossierGrpcServiceTest.MONDAY);
        String first = CpfDossierGrpcServiceTest.cpfFunding(centre).getId();
        CpfDossierGrpcServiceTest.cpfFunding(centre);
        // Thursday 5 March: both answers (due Wednesday 4) are overdue
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));

        metrics.refresh();
        assertThat(registry.get("bilan.cpf.dossiers.overdue").tag("centre", centre).gauge().value()).isEqualTo(2);

        dossiers.recordStep(repository.find(first).orElseThrow(), "", CpfStepInput.of(CpfState.REFUSED_BY_CENTRE,
                LocalDate.of(2026, 3, 5)), "manager-1", StepSource.STAFF, null);
        metrics.refresh();
        assertThat(registry.get("bilan.cpf.dossiers.overdue").tag("centre", centre).gauge().value()).isEqualTo(1);

        clock.set(CpfDossierGrpcServiceTest.MONDAY);
        metrics.refresh();
        assertThat(registry.get("bilan.cpf.dossiers.overdue").tag("centre", centre).gauge().value()).isZero();
    }
}
