package fr.bilan.quality.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.quality.v1.ExportResultsRequest;
import fr.bilan.proto.quality.v1.Figure;
import fr.bilan.proto.quality.v1.GetPublishedResultsPageRequest;
import fr.bilan.proto.quality.v1.GetResultsRequest;
import fr.bilan.proto.quality.v1.ListPublicationsRequest;
import fr.bilan.proto.quality.v1.Publication;
import fr.bilan.proto.quality.v1.PublishResultsRequest;
import fr.bilan.proto.quality.v1.Results;
import fr.bilan.proto.quality.v1.ResultsServiceGrpc;
import fr.bilan.proto.quality.v1.SituationFigure;
import fr.bilan.quality.QualityServiceContext;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/**
 * The results through the contract, over a cohort written in the shared shapes: 2019's bilans of Lyon
 * (12 ended) and Gap (3), with their surveys and follow-ups, and bilans outside the year that count nowhere.
 */
@QualityServiceContext
class ResultsGrpcTest extends GrpcServiceTestSupport {

    static final Instant START = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2020-01-01T00:00:00Z");
    static final String LYON = "centre-lyon";
    static final String GAP = "centre-gap";
    private static boolean seeded;

    @Autowired
    private MongoDatabase database;
    @Autowired
    private TestClock clock;

    @BeforeAll
    static void noneYet() {
        seeded = false;
    }

    @org.junit.jupiter.api.BeforeEach
    void aCohort() {
        clock.set(Instant.parse("2020-03-02T08:00:00Z"));
        if (seeded) {
            return;
        }
        seeded = true;
        CohortDocuments cohort = new CohortDocuments(database);
        List<String> completed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            completed.add(cohort.bilan(LYON, "COMPLETED", LocalDate.of(2019, 1 + i, 10)));
        }
        cohort.bilan(LYON, "ABANDONED", LocalDate.of(2019, 3, 1));
        cohort.bilan(LYON, "ABANDONED", LocalDate.of(2019, 12, 31));
        cohort.bilan(LYON, "WITHDRAWN", LocalDate.of(2019, 1, 1));
        cohort.bilan(LYON, "IN_PROGRESS", null);
        String later = cohort.bilan(LYON, "COMPLETED", LocalDate.of(2020, 1, 1));
        cohort.survey(later, LYON, LocalDate.of(2020, 1, 1), "END_OF_BILAN", "ANSWERED", false);
        String earlier = cohort.bilan(LYON, "COMPLETED", LocalDate.of(2018, 12, 31));
        cohort.followUp(earlier, LYON, LocalDate.of(2018, 12, 31), "HELD", "STILL_SEARCHING");
        for (int i = 0; i < 3; i++) {
            cohort.bilan(GAP, "COMPLETED", LocalDate.of(2019, 6, 1 + i));
        }
        // à chaud: 7 answered of 9 sent (5 satisfied, 1 not, 1 without the headline score), 2 never sent
        String[][] endOfBilan = {{"ANSWERED", "true"}, {"ANSWERED", "true"}, {"ANSWERED", "true"}, {"ANSWERED", "true"},
            {"ANSWERED", "true"}, {"ANSWERED", "false"}, {"ANSWERED", null}, {"LAPSED", null}, {"PARTIALLY_ANSWERED", null}};
        for (int i = 0; i < completed.size(); i++) {
            LocalDate end = LocalDate.of(2019, 1 + i, 10);
            String[] survey = endOfBilan[i];
            cohort.survey(completed.get(i), LYON, end, "END_OF_BILAN", survey[0],
                    survey[1] == null ? null : Boolean.valueOf(survey[1]));
            // à froid: 3 answered of 6 sent
            if (i < 6) {
                cohort.survey(completed.get(i), LYON, end, "FOLLOW_UP", i < 3 ? "ANSWERED" : "LAPSED", i < 3 ? true : null);
            } else {
                cohort.survey(completed.get(i), LYON, end, "FOLLOW_UP", i == 6 ? "PLANNED" : "NOT_SENT", null);
            }
        }
        // six held (3 in a new job, 2 in training, 1 other), one held with nothing recorded, two declined
        String[] situations = {"NEW_JOB", "NEW_JOB", "NEW_JOB", "IN_TRAINING", "IN_TRAINING", "OTHER", null};
        for (int i = 0; i < situations.length; i++) {
            cohort.followUp(completed.get(i), LYON, LocalDate.of(2019, 1 + i, 10), "HELD", situations[i]);
        }
        cohort.followUp(completed.get(7), LYON, LocalDate.of(2019, 8, 10), "DECLINED", null);
        cohort.followUp(completed.get(8), LYON, LocalDate.of(2019, 9, 10), "DECLINED", null);
        // the funders' surveys are about the centre, not a bilan: in no figure
        cohort.funderSurvey(LYON, 2019, "ANSWERED", false);
        cohort.funderSurvey(LYON, 2019, "ANSWERED", false);
        cohort.funderSurvey(LYON, 2019, "LAPSED", null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ResultsServiceGrpc.ResultsServiceBlockingStub as(String token) {
        return ResultsServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    static ResultsServiceGrpc.ResultsServiceBlockingStub manager() {
        return as(TestIdentityProvider.token("manager-lyon", List.of(LYON), "centre-manager"));
    }

    static ResultsServiceGrpc.ResultsServiceBlockingStub admin() {
        return as(TestIdentityProvider.token("admin", "network-admin"));
    }

    static ResultsServiceGrpc.ResultsServiceBlockingStub auditor() {
        return as(TestIdentityProvider.token("auditor", "auditor"));
    }

    static ResultsServiceGrpc.ResultsServiceBlockingStub anyone() {
        return ResultsServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    static GetResultsRequest year(String centreId) {
        return GetResultsRequest.newBuilder().setCentreId(centreId).setStartTime(ProtoTime.of(START))
                .setEndTime(ProtoTime.of(END)).build();
    }

    static Figure shown(double value, int sampleSize) {
        return Figure.newBuilder().setShown(true).setValue(value).setSampleSize(sampleSize).build();
    }

    static Figure hidden(int sampleSize) {
        return Figure.newBuilder().setShown(false).setSampleSize(sampleSize).build();
    }

    static SituationFigure situation(String name, String label, Figure share) {
        return SituationFigure.newBuilder().setSituation(name).setLabel(label).setShare(share).build();
    }

    @Test
    void aManagerReadsTheirCentresYear() {
        Results results = manager().getResults(year(LYON)).getResults();

        assertThat(results.getCentreId()).isEqualTo(LYON);
        assertThat(results.getName()).isEqualTo("Centre de Lyon");
        assertThat(ProtoTime.toInstant(results.getStartTime())).isEqualTo(START);
        assertThat(ProtoTime.toInstant(results.getEndTime())).isEqualTo(END);
        assertThat(ProtoTime.toInstant(results.getComputeTime())).isEqualTo(Instant.parse("2020-03-02T08:00:00Z"));
        assertThat(results.getBeneficiaries()).isEqualTo(shown(12, 12));
        assertThat(results.getCompletionRate()).isEqualTo(shown(75, 12));
        assertThat(results.getDropOutRate()).isEqualTo(shown(25, 12));
        assertThat(results.getSatisfactionEndOfBilan()).isEqualTo(shown(83.3, 6));
        assertThat(results.getResponseRateEndOfBilan()).isEqualTo(shown(77.8, 9));
        assertThat(results.getSatisfactionFollowUp()).isEqualTo(hidden(3));
        assertThat(results.getResponseRateFollowUp()).isEqualTo(shown(50, 6));
        assertThat(results.getSituationsAtSixMonthsList()).containsExactly(
                situation("IN_PROJECT", "Projet en cours de réalisation", shown(0, 6)),
                situation("IN_TRAINING", "En formation", shown(33.3, 6)),
                situation("NEW_JOB", "Dans un nouvel emploi", shown(50, 6)),
                situation("STILL_SEARCHING", "Toujours en recherche", shown(0, 6)),
                situation("OTHER", "Autre situation", shown(16.7, 6)));
    }

    @Test
    void theNetworkAndAuditorsReadTheNetworksYearAndAnyCentres() {
        Results network = admin().getResults(year("")).getResults();

        assertThat(network.getCentreId()).isEmpty();
        assertThat(network.getName()).isEqualTo("Réseau Bilans Sud");
        assertThat(network.getBeneficiaries()).isEqualTo(shown(15, 15));
        assertThat(network.getCompletionRate()).isEqualTo(shown(80, 15));
        assertThat(network.getDropOutRate()).isEqualTo(shown(20, 15));
        assertThat(auditor().getResults(year("")).getResults()).isEqualTo(network);

        Results gap = auditor().getResults(year(GAP)).getResults();
        assertThat(gap.getName()).as("a centre without a name in its settings: its id").isEqualTo(GAP);
        assertThat(gap.getBeneficiaries()).isEqualTo(hidden(3));
        assertThat(gap.getCompletionRate()).isEqualTo(hidden(3));
        assertThat(gap.getResponseRateEndOfBilan()).isEqualTo(hidden(0));
    }

    @Test
    void aManagerReachesNeitherTheNetworkNorAnotherCentreAndAConsultantNothing() {
        assertThat(codeOf(() -> manager().getResults(year("")))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> manager().getResults(year(GAP)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(TestIdentityProvider.token("consultant-1", List.of(LYON), "consultant"))
                .getResults(year(LYON)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> anyone().getResults(year(LYON)))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aPeriodOutOfShapeNamesItsField() {
        assertThat(FieldErrors.fieldsOf(() -> manager().getResults(GetResultsRequest.newBuilder().setCentreId(LYON)
                .build()))).containsExactly("startTime", "endTime");
        assertThat(FieldErrors.fieldsOf(() -> manager().getResults(year(LYON).toBuilder()
                .setEndTime(ProtoTime.of(START)).build()))).containsExactly("endTime");
        assertThat(FieldErrors.fieldsOf(() -> manager().getResults(year(LYON).toBuilder()
                .setEndTime(ProtoTime.of(Instant.parse("2021-01-01T00:00:01Z"))).build()))).containsExactly("endTime");
        assertThat(FieldErrors.fieldsOf(() -> admin().getResults(year("centre\nlyon")))).containsExactly("centreId");
    }

    @Test
    void theCsvIsAFileForAFrenchSpreadsheet() {
        var csv = manager().exportResults(ExportResultsRequest.newBuilder().setCentreId(LYON)
                .setStartTime(ProtoTime.of(START)).setEndTime(ProtoTime.of(END)).build()).getCsv();

        assertThat(csv.getContentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.getData().toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.getData().toString(StandardCharsets.UTF_8).split("\r\n")).hasSize(13)
                .contains("Centre de Lyon;01/01/2019;31/12/2019;02/03/2020 09:00;Taux d'achèvement;75;%;12;bilans terminés")
                .contains("Centre de Lyon;01/01/2019;31/12/2019;02/03/2020 09:00;Satisfaction six mois après (à froid);"
                        + "non communiqué (moins de 5 personnes);%;3;réponses");
        assertThat(codeOf(() -> manager().exportResults(ExportResultsRequest.newBuilder().setStartTime(ProtoTime.of(START))
                .setEndTime(ProtoTime.of(END)).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    static PublishResultsRequest publish(String centreId, String requestId) {
        return PublishResultsRequest.newBuilder().setCentreId(centreId).setStartTime(ProtoTime.of(START))
                .setEndTime(ProtoTime.of(END)).setRequestId(requestId).build();
    }

    @Test
    void aPublicationFreezesTheFiguresUnderAnUnguessableAddressAnyoneReads() {
        Publication first = manager().publishResults(publish(LYON, "publish-lyon-2019")).getPublication();
        Publication retried = manager().publishResults(publish(LYON, "publish-lyon-2019")).getPublication();

        assertThat(first.getId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(first.getUrlPath()).isEqualTo("/api/v1/publishedResults/" + first.getId());
        assertThat(ProtoTime.toInstant(first.getPublishTime())).isEqualTo(Instant.parse("2020-03-02T08:00:00Z"));
        assertThat(first.getResults()).isEqualTo(manager().getResults(year(LYON)).getResults());
        assertThat(retried).as("a retry publishes once").isEqualTo(first);

        // a bilan of 2019 told late: the publication keeps what it said, a new one counts it
        new CohortDocuments(database).bilan(LYON, "COMPLETED", LocalDate.of(2019, 12, 30));
        clock.set(Instant.parse("2020-03-03T08:00:00Z"));
        Publication second = manager().publishResults(publish(LYON, "publish-lyon-2019-again")).getPublication();
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getResults().getBeneficiaries()).isEqualTo(shown(13, 13));

        assertThat(manager().listPublications(ListPublicationsRequest.newBuilder().setCentreId(LYON).build())
                .getPublicationsList()).containsExactly(second, first);
        var page = anyone().getPublishedResultsPage(GetPublishedResultsPageRequest.newBuilder()
                .setPublicationId(first.getId()).build()).getPage();
        assertThat(page.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.getData().toString(StandardCharsets.UTF_8)).contains("<html lang=\"fr\">")
                .contains("Centre de Lyon : résultats des bilans terminés du 1er janvier 2019 au 31 décembre 2019")
                .contains("<td>12 bilans terminés</td>").doesNotContain("13 bilans terminés");
    }

    @Test
    void theNetworksPublicationsAreTheNetworksOwn() {
        Publication network = admin().publishResults(publish("", "publish-network-2019")).getPublication();

        assertThat(network.getResults().getName()).isEqualTo("Réseau Bilans Sud");
        assertThat(auditor().listPublications(ListPublicationsRequest.getDefaultInstance()).getPublicationsList())
                .contains(network).allMatch(publication -> publication.getResults().getCentreId().isEmpty());
        assertThat(codeOf(() -> manager().publishResults(publish("", "publish-network-by-manager"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> auditor().publishResults(publish(LYON, "publish-by-auditor"))))
                .as("the contract: auditors read, never publish").isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aPeriodNotOverIsNotPublishedNorAPublicationWithoutItsKey() {
        clock.set(Instant.parse("2019-12-31T12:00:00Z"));

        assertThat(FieldErrors.fieldsOf(() -> manager().publishResults(publish(LYON, "publish-too-early"))))
                .containsExactly("endTime");
        assertThat(FieldErrors.fieldsOf(() -> manager().publishResults(publish(LYON, "")))).containsExactly("requestId");
        assertThat(database.getCollection(PublicationRepository.COLLECTION).countDocuments(
                new Document("_id", new Document("$exists", true)).append("startTime", java.util.Date.from(START))
                        .append("publishTime", new Document("$lt", java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z"))))))
                .as("nothing published").isZero();
    }

    @Test
    void anUnknownOrMalformedAddressIsNotFound() {
        for (String id : List.of("AAAAAAAAAAAAAAAAAAAAAA", "not-an-id", "", "../../etc")) {
            assertThat(codeOf(() -> anyone().getPublishedResultsPage(GetPublishedResultsPageRequest.newBuilder()
                    .setPublicationId(id).build()))).as(id).isEqualTo(Status.Code.NOT_FOUND);
        }
    }

    @Test
    void theSurveysAndFollowUpsAreReadThroughTheirCentreAndEndIndexes() {
        for (String collection : List.of(CohortRepository.SURVEYS, CohortRepository.FOLLOW_UPS)) {
            assertThat(database.getCollection(collection).listIndexes().map(index -> index.get("key", Document.class))
                    .into(new ArrayList<>())).as(collection)
                    .contains(new Document("centreId", 1).append("endDate", 1), new Document("endDate", 1));
        }
    }
}
