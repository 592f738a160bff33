package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;

import fr.bilan.gateway.testing.v1.CancelThingRequest;
import fr.bilan.gateway.testing.v1.CancelThingResponse;
import fr.bilan.gateway.testing.v1.GetSnapshotRequest;
import fr.bilan.gateway.testing.v1.ListThingsResponse;
import fr.bilan.gateway.testing.v1.StreamThingsRequest;
import fr.bilan.gateway.testing.v1.StreamThingsResponse;
import fr.bilan.gateway.testing.v1.Thing;
import fr.bilan.gateway.testing.v1.ThingConflict;
import fr.bilan.gateway.testing.v1.ThingServiceGrpc;
import fr.bilan.gateway.testing.v1.UpdateThingRequest;
import fr.bilan.gateway.testing.v1.UpdateThingResponse;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP shapes a contract may take, through the running gateway to a gRPC server of the test
 * contract: server streams as newline-delimited JSON, etags as {@code ETag} and {@code If-Match},
 * update masks derived from the fields sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.descriptors=META-INF/bilan/testing-descriptors.pb"})
class TranscodingEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Server THINGS = StandInBackend.start(new Things());

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Streams {@code count} things, then fails if asked; updates things whose etag is "v1" (or none),
     * but refuses a count of 99 (field violations) and 98 (a conflict); answers snapshots and
     * cancellations with what they were asked.
     */
    private static final class Things extends ThingServiceGrpc.ThingServiceImplBase {
        @Override
        public void streamThings(StreamThingsRequest request, StreamObserver<StreamThingsResponse> response) {
            for (int i = 1; i <= request.getCount(); i++) {
                response.onNext(StreamThingsResponse.newBuilder()
                        .setThing(Thing.newBuilder().setName(request.getParent() + "/things/t" + i).setCount(i)).build());
            }
            if (request.getFailWith() != 0) {
                response.onError(Status.fromCodeValue(request.getFailWith()).withDescription("Arrêt demandé.")
                        .asRuntimeException());
            } else {
                response.onCompleted();
            }
        }

        @Override
        public void updateThing(UpdateThingRequest request, StreamObserver<UpdateThingResponse> response) {
            String etag = request.getThing().getEtag();
            if (!etag.isEmpty() && !etag.equals("v1")) {
                response.onError(Status.ABORTED.withDescription("Modifié entre-temps.").asRuntimeException());
                return;
            }
            if (request.getThing().getCount() == 99) {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("La requête contient 4 champ(s) invalide(s).")
                        .addDetails(Any.pack(BadRequest.newBuilder()
                                .addFieldViolations(violation("thing.due_time")).addFieldViolations(violation("thing.tags[1]"))
                                .addFieldViolations(violation("thing.name")).addFieldViolations(violation("update_mask"))
                                .build()))
                        .build()));
                return;
            }
            if (request.getThing().getCount() == 98) {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.ALREADY_EXISTS_VALUE).setMessage("La salle est prise de 09:00 à 11:00.")
                        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("SLOT_TAKEN").setDomain("testing").build()))
                        .addDetails(Any.pack(ThingConflict.newBuilder().setResource("ROOM")
                                .setStartTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(1774774800L)).build()))
                        .build()));
                return;
            }
            // the mask comes back in tags, so the test sees what the gateway derived
            response.onNext(UpdateThingResponse.newBuilder().setThing(request.getThing().toBuilder()
                    .addAllTags(request.getUpdateMask().getPathsList()).setEtag("v2")).build());
            response.onCompleted();
        }

        @Override
        public void getSnapshot(GetSnapshotRequest request, StreamObserver<ListThingsResponse> response) {
            response.onNext(ListThingsResponse.newBuilder().addThings(Thing.newBuilder().setName(request.getParent())
                    .setDueTime(request.getAt())).build());
            response.onCompleted();
        }

        @Override
        public void cancelThing(CancelThingRequest request, StreamObserver<CancelThingResponse> response) {
            response.onNext(CancelThingResponse.newBuilder().addTags(request.getReason()).build());
            response.onCompleted();
        }

        private static BadRequest.FieldViolation violation(String field) {
            return BadRequest.FieldViolation.newBuilder().setField(field).setDescription("Valeur refusée.").build();
        }
    }

    @AfterAll
    static void stop() {
        THINGS.shutdownNow();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StandInBackend.register(registry, "testing", THINGS);
    }

    @Test
    void streamsMessagesAsNewlineDelimitedJson() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things:stream?count=3").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(JSON.readTree(line).get("name").asString())
                .startsWith("centres/c1/things/t"));
        assertThat(JSON.readTree(lines.get(2)).get("count").asInt()).isEqualTo(3);
        assertThat(response.body()).endsWith("\n");
    }

    @Test
    void aStreamThatFailsBeforeItsFirstMessageIsAnOrdinaryProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things:stream?count=0&failWith="
                + Status.Code.NOT_FOUND.value()).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("Arrêt demandé.");
    }

    @Test
    void aStreamCutAfterItsFirstMessageEndsWithAnErrorLine() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things:stream?count=2&failWith="
                + Status.Code.FAILED_PRECONDITION.value()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode error = JSON.readTree(lines.get(2)).get("error");
        assertThat(error.get("type").asString()).isEqualTo("urn:bilan:problem:failed-precondition");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void aPatchWithoutMaskChangesTheFieldsSentAndAnswersTheEtag() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things/t1")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":4,\"due_time\":null,\"etag\":\"v1\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("thing").get("tags").toString()).isEqualTo("[\"count\",\"due_time\"]");
        // the ETag header names the resource of the HTTP body; here the body is the whole response
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void ifMatchCarriesTheEtagAndAStaleOneIsAPreconditionFailure() throws Exception {
        HttpResponse<String> current = send(request("/api/v1/centres/c1/things/t1").header("If-Match", "\"v1\"")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":5}")));
        HttpResponse<String> stale = send(request("/api/v1/centres/c1/things/t1").header("If-Match", "\"v0\"")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":5}")));
        HttpResponse<String> staleInBody = send(request("/api/v1/centres/c1/things/t1")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":5,\"etag\":\"v0\"}")));
        HttpResponse<String> contradicting = send(request("/api/v1/centres/c1/things/t1").header("If-Match", "\"v1\"")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":5,\"etag\":\"v0\"}")));

        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(current.body()).get("thing").get("etag").asString()).isEqualTo("v2");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).get("type").asString()).isEqualTo("urn:bilan:problem:precondition-failed");
        assertThat(staleInBody.statusCode()).isEqualTo(409);
        assertThat(contradicting.statusCode()).isEqualTo(400);
    }

    @Test
    void aServicesFieldViolationsAreNamedAsTheRequestSpellsThem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things/t1")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":99}")));

        assertThat(response.statusCode()).isEqualTo(400);
        // the body is the thing: its fields without prefix; the path's and the query's by their names
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
                .containsExactly("dueTime", "tags[1]", "thing.name", "updateMask");
    }

    @Test
    void aDetailTheContractDefinesComesAsAMemberOfTheProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/centres/c1/things/t1")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"count\":98}")));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).isEqualTo("La salle est prise de 09:00 à 11:00.");
        assertThat(problem.get("thingConflict").toString())
                .isEqualTo("{\"resource\":\"ROOM\",\"startTime\":\"2026-03-29T09:00:00Z\"}");
        assertThat(problem.has("errorInfo")).isFalse();
    }

    @Test
    void refusesImpossibleTimesInThePathTheQueryAndTheBody() throws Exception {
        HttpResponse<String> inPath = send(request("/api/v1/centres/c1/snapshots/2027-02-30T00:00:00Z").GET());
        HttpResponse<String> inQuery = send(request("/api/v1/things?since=2026-13-45T00:00:00Z").GET());
        HttpResponse<String> inBody = send(request("/api/v1/centres/c1/things/t1")
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"dueTime\":\"2027-01-01T99:99:99Z\"}")));

        assertThat(List.of(inPath, inQuery, inBody)).extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(fields(inPath)).containsExactly("at");
        assertThat(fields(inQuery)).containsExactly("since");
        assertThat(fields(inBody)).containsExactly("dueTime");
        assertThat(send(request("/api/v1/centres/c1/snapshots/2027-02-28T00:00:00%2B01:00").GET()).body())
                .contains("\"dueTime\":\"2027-02-27T23:00:00Z\"");
    }

    @Test
    void aContentTypeThatIsNotOneJsonTypeInUtf8IsUnsupported() throws Exception {
        for (String[] types : List.of(new String[] {"application/json, text/plain"}, new String[] {"application/json, application/json"},
                new String[] {"application/json", "application/json"}, new String[] {"application/json; charset=iso-8859-1"},
                new String[] {"/"})) {
            HttpRequest.Builder cancel = request("/api/v1/centres/c1/things/t1:cancel")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"));
            for (String type : types) {
                cancel.header("Content-Type", type);
            }
            HttpResponse<String> response = send(cancel);

            assertThat(response.statusCode()).as(String.join(" + ", types)).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        assertThat(send(request("/api/v1/centres/c1/things/t1:cancel").header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMalformedUtf8AndControlCharactersInTheQueryAndThePathNamingThem() throws Exception {
        HttpResponse<String> overlongQuery = send(request("/api/v1/things?pageToken=a%C0%AEb").GET());
        HttpResponse<String> nulInQuery = send(request("/api/v1/things?filter.centreId=a%00b").GET());
        HttpResponse<String> overlongPath = send(request("/api/v1/centres/c%C0%AE/snapshots/2027-01-01T00:00:00Z").GET());
        HttpResponse<String> escapeInPath = send(request("/api/v1/centres/c%1B/snapshots/2027-01-01T00:00:00Z").GET());

        assertThat(List.of(overlongQuery, nulInQuery, overlongPath, escapeInPath)).extracting(HttpResponse::statusCode)
                .containsOnly(400);
        assertThat(fields(overlongQuery)).containsExactly("pageToken");
        assertThat(fields(nulInQuery)).containsExactly("filter.centreId");
        assertThat(fields(overlongPath)).containsExactly("parent");
        assertThat(fields(escapeInPath)).containsExactly("parent");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        return JSON.readTree(problem.body()).get("errors").findValuesAsString("field");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestIdentityProvider.token("consultant-1", "consultant"))
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
