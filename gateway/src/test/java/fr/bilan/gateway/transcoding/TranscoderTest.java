package fr.bilan.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import fr.bilan.gateway.problem.Problem.FieldError;
import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.testing.v1.CancelThingRequest;
import fr.bilan.gateway.testing.v1.CancelThingResponse;
import fr.bilan.gateway.testing.v1.Colour;
import fr.bilan.gateway.testing.v1.GetThingResponse;
import fr.bilan.gateway.testing.v1.ListThingsRequest;
import fr.bilan.gateway.testing.v1.ListThingsResponse;
import fr.bilan.gateway.testing.v1.Thing;
import fr.bilan.gateway.testing.v1.UpdateThingRequest;

class TranscoderTest {

    private static final ApiDescriptors DESCRIPTORS = ApiDescriptors.load(
            TranscoderTest.class.getClassLoader(), "META-INF/bilan/testing-descriptors.pb");
    private static final HttpBindings BINDINGS = HttpBindings.from(DESCRIPTORS);
    private final RequestTranscoder requests = new RequestTranscoder(DESCRIPTORS.types());
    private final ResponseTranscoder responses = new ResponseTranscoder(DESCRIPTORS.types());

    @Test
    void resolvesEveryBindingIncludingAdditionalOnes() {
        assertThat(matched(HttpMethod.GET, "/api/v1/things").binding().method().getName()).isEqualTo("ListThings");
        assertThat(matched(HttpMethod.GET, "/api/v1/centres/c1/things").binding().method().getName()).isEqualTo("ListThings");
        assertThat(matched(HttpMethod.GET, "/api/v1/centres/c1/things/t1").binding().method().getName()).isEqualTo("GetThing");
        assertThat(matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel").binding().method().getName())
                .isEqualTo("CancelThing");
        assertThat(matched(HttpMethod.GET, "/api/v1/files/a/b").binding().backend()).isEqualTo("testing");
    }

    @Test
    void allowsOnlyTheRolesTheContractNamesAndDeniesByDefault() {
        HttpBinding getThing = matched(HttpMethod.GET, "/api/v1/centres/c1/things/t1").binding();
        HttpBinding getFile = matched(HttpMethod.GET, "/api/v1/files/a").binding();
        var consultant = List.of(new SimpleGrantedAuthority("ROLE_consultant"));
        var manager = List.of(new SimpleGrantedAuthority("ROLE_centre-manager"));
        var auditor = List.of(new SimpleGrantedAuthority("ROLE_auditor"), new SimpleGrantedAuthority("SCOPE_consultant"));

        assertThat(getThing.allowedRoles()).containsExactlyInAnyOrder("consultant", "centre-manager");
        assertThat(getThing.allows(consultant)).isTrue();
        assertThat(getThing.allows(manager)).isTrue();
        assertThat(getThing.allows(auditor)).isFalse();
        assertThat(getFile.allowedRoles()).isEmpty();
        assertThat(getFile.allows(consultant)).isFalse();
    }

    @Test
    void tellsWhichMethodsAPathAccepts() {
        assertThat(BINDINGS.resolve(HttpMethod.DELETE, "/api/v1/centres/c1/things/t1"))
                .isEqualTo(new HttpBindings.MethodNotAllowed(java.util.Set.of(HttpMethod.GET, HttpMethod.PATCH)));
        assertThat(BINDINGS.resolve(HttpMethod.GET, "/api/v1/nothing")).isInstanceOf(HttpBindings.NoRoute.class);
    }

    @Test
    void fillsFieldsFromPathAndTypedQueryParameters() throws Exception {
        var match = matched(HttpMethod.GET, "/api/v1/centres/c1/things");
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("pageSize", "25");
        query.add("page_token", "abc");
        query.add("colours", "RED");
        query.add("colours", "BLUE");
        query.add("since", "2026-03-29T01:30:00Z");
        query.add("min_count", "3");
        query.add("include_archived", "true");
        query.add("filter.centre_id", "c9");

        ListThingsRequest request = ListThingsRequest.parseFrom(
                requests.transcode(match.binding(), match.variables(), query, new byte[0]).toByteString());

        assertThat(request.getParent()).isEqualTo("centres/c1");
        assertThat(request.getPageSize()).isEqualTo(25);
        assertThat(request.getPageToken()).isEqualTo("abc");
        assertThat(request.getColoursList()).containsExactly(Colour.RED, Colour.BLUE);
        assertThat(request.getSince().getSeconds()).isEqualTo(1774747800L);
        assertThat(request.getMinCount().getValue()).isEqualTo(3);
        assertThat(request.getIncludeArchived()).isTrue();
        assertThat(request.getFilter().getCentreId()).isEqualTo("c9");
    }

    @Test
    void refusesUnknownAndBadlyTypedQueryParametersAllAtOnce() {
        var match = matched(HttpMethod.GET, "/api/v1/things");
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("colour", "RED");
        query.add("include_archived", "yes");
        query.add("page_size", "1");
        query.add("page_size", "2");
        query.add("filter", "x");

        assertThatThrownBy(() -> requests.transcode(match.binding(), match.variables(), query, new byte[0]))
                .isInstanceOfSatisfying(TranscodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_ARGUMENT);
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("colour", "includeArchived", "pageSize", "filter");
                });
    }

    @Test
    void refusesAnInvalidValueForANumberInFrenchNamingTheParameter() {
        var match = matched(HttpMethod.GET, "/api/v1/things");
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("page_size", "many");

        assertThatThrownBy(() -> requests.transcode(match.binding(), match.variables(), query, new byte[0]))
                .isInstanceOfSatisfying(TranscodingException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("pageSize", "Un nombre entier est attendu.")));
    }

    @Test
    void bodyFillsTheNamedFieldAndThePathTheFieldsItNames() throws Exception {
        var match = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        byte[] body = json("{\"name\":\"centres/c1/things/t1\",\"count\":4,\"colour\":\"BLUE\",\"due_time\":\"2026-10-25T02:30:00+02:00\"}");
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("update_mask", "count,colour");

        UpdateThingRequest request = UpdateThingRequest.parseFrom(
                requests.transcode(match.binding(), match.variables(), query, body).toByteString());

        assertThat(request.getThing().getName()).isEqualTo("centres/c1/things/t1");
        assertThat(request.getThing().getCount()).isEqualTo(4);
        assertThat(request.getThing().getColour()).isEqualTo(Colour.BLUE);
        assertThat(request.getThing().getDueTime().getSeconds()).isEqualTo(1792888200L);
        assertThat(request.getUpdateMask().getPathsList()).containsExactly("count", "colour");
    }

    @Test
    void wholeBodyRequestTakesNoQueryParameter() throws Exception {
        var match = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");

        CancelThingRequest request = CancelThingRequest.parseFrom(requests.transcode(match.binding(),
                match.variables(), Map.of(), json("{\"reason\":\"déménagement\",\"grace\":\"3600s\"}")).toByteString());
        assertThat(request.getName()).isEqualTo("centres/c1/things/t1");
        assertThat(request.getReason()).isEqualTo("déménagement");
        assertThat(request.getGrace().getSeconds()).isEqualTo(3600);

        assertThatThrownBy(() -> requests.transcode(match.binding(), match.variables(),
                Map.of("reason", List.of("x")), new byte[0]))
                .isInstanceOfSatisfying(TranscodingException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason"));
    }

    @Test
    void namesAnUnknownBodyField() {
        var match = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");

        assertThatThrownBy(() -> requests.transcode(match.binding(), match.variables(), Map.of(),
                json("{\"count\":1,\"secret\":true}")))
                .isInstanceOfSatisfying(TranscodingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_ARGUMENT);
                    assertThat(e.errors()).containsExactly(new FieldError("secret", "Champ inconnu."));
                });
    }

    @Test
    void refusesValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");

        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"active\":\"yes\",\"count\":{},\"tags\":\"a\",\"due_time\":5}")))
                .isInstanceOfSatisfying(TranscodingException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("active", "true ou false est attendu."),
                        new FieldError("count", "Un nombre entier est attendu."),
                        new FieldError("tags", "Une liste JSON est attendue."),
                        new FieldError("dueTime",
                                "Une date et heure RFC 3339 est attendue (ex. 2026-03-29T09:00:00Z).")));
        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"tags\":[\"a\",1]}")))
                .isInstanceOfSatisfying(TranscodingException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("tags[1]", "Une chaîne de caractères est attendue.")));
    }

    @Test
    void refusesMalformedAmbiguousOrMisplacedBodies() {
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");
        var get = matched(HttpMethod.GET, "/api/v1/centres/c1/things/t1");

        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(), json("{\"count\":")))
                .hasMessageContaining("n'est pas un JSON valide");
        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(), json("{\"count\":1,\"count\":2}")))
                .hasMessageContaining("n'est pas un JSON valide");
        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(), json("{} {}")))
                .hasMessageContaining("n'est pas un JSON valide");
        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"count\":" + "[".repeat(5000))))
                .hasMessageContaining("dépasse les limites permises");
        assertThatThrownBy(() -> requests.transcode(cancel.binding(), cancel.variables(), Map.of(), json("[1]")))
                .hasMessageContaining("doit être un objet JSON");
        assertThatThrownBy(() -> requests.transcode(get.binding(), get.variables(), Map.of(), json("{}")))
                .hasMessageContaining("n'accepte pas de corps");
    }

    @Test
    void refusesImpossibleTimesInTheBodyTheQueryAndThePathNamingTheField() {
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        var list = matched(HttpMethod.GET, "/api/v1/things");
        List<String> impossible = List.of("2026-13-45T00:00:00Z", "2027-02-30T00:00:00Z", "2027-01-01T99:99:99Z",
                "2027-1-1T10:00:00Z", "2027-01-01T10:00:00+25:00", "2027-01-01T10:00:00+02:60", " 2027-01-01T10:00:00Z",
                "2027-01-01T24:00:00Z", "2027-01-01T10:00:60Z", "2027-01-01T10:00:00.1234567891Z",
                "10000-01-01T00:00:00Z", "0000-12-31T00:00:00Z", "9999-12-31T23:59:59-01:00", "2027-01-01");

        for (String time : impossible) {
            assertThat(fieldsOf(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                    json("{\"dueTime\":\"" + time + "\"}")))).as(time).containsExactly("dueTime");
            assertThat(fieldsOf(() -> requests.transcode(list.binding(), list.variables(),
                    Map.of("since", List.of(time)), new byte[0]))).as(time).containsExactly("since");
            var snapshot = matched(HttpMethod.GET, "/api/v1/centres/c1/snapshots/" + time.replace(" ", "%20")
                    .replace("+", "%2B"));
            assertThat(fieldsOf(() -> requests.transcode(snapshot.binding(), snapshot.variables(), Map.of(),
                    new byte[0]))).as(time).containsExactly("at");
        }
    }

    @Test
    void takesEveryRealTimeWithItsOffsetAndFraction() throws Exception {
        var list = matched(HttpMethod.GET, "/api/v1/things");
        Map<String, Long> times = Map.of("2024-02-29T00:00:00Z", 1709164800L, "2026-10-25T02:30:00+02:00", 1792888200L,
                "2026-03-29T01:30:00.5Z", 1774747800L, "0001-01-01T00:00:00Z", -62135596800L,
                "9999-12-31T23:59:59.999999999Z", 253402300799L, "2026-03-29T03:30:00.123+02:00", 1774747800L);

        for (var time : times.entrySet()) {
            ListThingsRequest request = ListThingsRequest.parseFrom(requests.transcode(list.binding(), list.variables(),
                    Map.of("since", List.of(time.getKey())), new byte[0]).toByteString());
            assertThat(request.getSince().getSeconds()).as(time.getKey()).isEqualTo(time.getValue());
        }
    }

    @Test
    void refusesInFrenchEveryValueTheJsonMappingCannotTakeNamingTheField() {
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        Map<String, List<String>> cancels = new java.util.LinkedHashMap<>();
        cancels.put("{\"grace\":\"1.0000000001s\"}", List.of("grace"));
        cancels.put("{\"grace\":\"315576000001s\"}", List.of("grace"));
        cancels.put("{\"grace\":\"1h\"}", List.of("grace"));
        cancels.put("{\"attachment\":\"pas du base64 !\"}", List.of("attachment"));
        cancels.put("{\"big\":\"9223372036854775808\"}", List.of("big"));
        cancels.put("{\"big\":1.5}", List.of("big"));
        cancels.put("{\"big\":\"0x10\"}", List.of("big"));
        cancels.put("{\"small\":-1}", List.of("small"));
        cancels.put("{\"small\":4294967296}", List.of("small"));
        cancels.put("{\"ratio\":1e400}", List.of("ratio"));
        cancels.put("{\"ratio\":\"NaNx\"}", List.of("ratio"));
        cancels.put("{\"fields\":\"dueTime, count\"}", List.of("fields"));
        cancels.put("{\"note\":\"x\",\"code\":1}", List.of("note", "code"));
        cancels.put("{\"times\":[\"2027-02-30T00:00:00Z\"]}", List.of("times[0]"));
        cancels.put("{\"times\":[null]}", List.of("times[0]"));
        cancels.put("{\"limit\":2147483648}", List.of("limit"));
        cancels.put("{\"reason\":\"a\",\"grace\":\"1s\",\"Reason\":\"b\"}", List.of("Reason"));
        Map<String, List<String>> patches = new java.util.LinkedHashMap<>();
        patches.put("{\"dueTime\":\"2026-01-01T00:00:00Z\",\"due_time\":\"2026-01-01T00:00:00Z\"}", List.of("dueTime"));
        patches.put("{\"colour\":\"GREEN\"}", List.of("colour"));
        patches.put("{\"colour\":7}", List.of("colour"));
        patches.put("{\"count\":2147483648}", List.of("count"));
        patches.put("{\"count\":\"1e3x\"}", List.of("count"));

        cancels.forEach((body, fields) -> assertThat(errorsOf(() -> requests.transcode(cancel.binding(),
                cancel.variables(), Map.of(), json(body)))).as(body).extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(fields));
        patches.forEach((body, fields) -> assertThat(errorsOf(() -> requests.transcode(patch.binding(),
                patch.variables(), Map.of(), json(body)))).as(body).extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(fields));
        assertThat(errorsOf(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"colour\":\"GREEN\"}")))).extracting(FieldError::detail)
                .containsExactly("Valeur inconnue : « GREEN ». Valeurs permises : COLOUR_UNSPECIFIED, RED, BLUE.");
        assertThat(errorsOf(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"dueTime\":\"2026-01-01T00:00:00Z\",\"due_time\":\"2026-01-01T00:00:00Z\"}"))))
                .extracting(FieldError::detail)
                .containsExactly("Ce champ est donné deux fois (« dueTime » et « due_time ») : n'en gardez qu'un.");
    }

    @Test
    void takesEveryValueTheJsonMappingTakes() throws Exception {
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");

        CancelThingRequest request = CancelThingRequest.parseFrom(requests.transcode(cancel.binding(), cancel.variables(),
                Map.of(), json("{\"grace\":\"-1.5s\",\"attachment\":\"aGVsbG8\",\"big\":\"9223372036854775807\","
                        + "\"ratio\":\"NaN\",\"small\":4294967295,\"fields\":\"dueTime,thing.count\",\"code\":3,"
                        + "\"note\":null,\"times\":[\"2026-01-01T00:00:00Z\"],\"limit\":\"5\",\"reason\":\"1\\n2\\t3\"}"))
                .toByteString());

        assertThat(request.getGrace().getSeconds()).isEqualTo(-1);
        assertThat(request.getAttachment().toStringUtf8()).isEqualTo("hello");
        assertThat(request.getBig()).isEqualTo(Long.MAX_VALUE);
        assertThat(request.getRatio()).isNaN();
        assertThat(request.getSmall()).isEqualTo(-1);
        assertThat(request.getFields().getPathsList()).containsExactly("due_time", "thing.count");
        assertThat(request.getCode()).isEqualTo(3);
        assertThat(request.getTimesCount()).isEqualTo(1);
        assertThat(request.getLimit().getValue()).isEqualTo(5);
        assertThat(request.getReason()).isEqualTo("1\n2\t3");
    }

    @Test
    void aBodyFieldThatRepeatsAPathVariableMustHoldItsValue() throws Exception {
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");

        for (String name : List.of("\"centres/x/things/y\"", "{\"$gt\":\"\"}", "12", "[\"centres/c1/things/t1\"]",
                "\"" + "x".repeat(900_000) + "\"")) {
            assertThat(fieldsOf(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                    json("{\"name\":" + name + ",\"count\":1}")))).containsExactly("name");
            assertThat(fieldsOf(() -> requests.transcode(cancel.binding(), cancel.variables(), Map.of(),
                    json("{\"name\":" + name + "}")))).containsExactly("name");
        }
        assertThat(UpdateThingRequest.parseFrom(requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"name\":\"centres/c1/things/t1\",\"count\":1}")).toByteString()).getThing().getCount()).isEqualTo(1);
    }

    @Test
    void refusesControlCharactersAndMalformedUtf8InTheBodyTheQueryAndThePath() throws Exception {
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");
        var list = matched(HttpMethod.GET, "/api/v1/things");

        for (String reason : List.of("a\\u0000b", "a\\rb", "a\\u007fb", "a\\u0085b", "a\\ud800b", "\\u001b[31m")) {
            assertThat(fieldsOf(() -> requests.transcode(cancel.binding(), cancel.variables(), Map.of(),
                    json("{\"reason\":\"" + reason + "\"}")))).as(reason).containsExactly("reason");
        }
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAE}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(json("{\"grace\":\"1s\",\"reason\":\"a"));
            body.writeBytes(bad);
            body.writeBytes(json("b\"}"));
            assertThat(errorsOf(() -> requests.transcode(cancel.binding(), cancel.variables(), Map.of(),
                    body.toByteArray()))).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("reason");
                        assertThat(error.detail()).contains("UTF-8");
                    });
        }
        assertThat(fieldsOf(() -> requests.transcode(list.binding(), list.variables(),
                Map.of("filter.centre_id", List.of("a\u0000b")), new byte[0]))).containsExactly("filter.centreId");
        for (String path : List.of("/api/v1/centres/c1/things/t%00", "/api/v1/centres/c%C0%AE/things/t1",
                "/api/v1/centres/c1/things/t%FF", "/api/v1/centres/c1/things/t%0D")) {
            var get = matched(HttpMethod.GET, path);
            assertThat(fieldsOf(() -> requests.transcode(get.binding(), get.variables(), Map.of(), new byte[0])))
                    .as(path).containsExactly("name");
        }
        // line breaks and tabs are text; the services refuse them where a field holds one line
        CancelThingRequest request = CancelThingRequest.parseFrom(requests.transcode(cancel.binding(),
                cancel.variables(), Map.of(), json("{\"reason\":\"l1\\r\\nl2\\tfin é\"}")).toByteString());
        assertThat(request.getReason()).isEqualTo("l1\r\nl2\tfin é");
    }

    @Test
    void namesAServicesFieldAsTheRequestSpellsIt() {
        var update = new RequestFieldNames(matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1").binding());
        var list = new RequestFieldNames(matched(HttpMethod.GET, "/api/v1/centres/c1/things").binding());
        var cancel = new RequestFieldNames(matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel").binding());

        // a one-field body from itself, the path's variable by its name, the rest in lowerCamelCase
        assertThat(update.name("thing.due_time")).isEqualTo("dueTime");
        assertThat(update.name("thing.tags[2]")).isEqualTo("tags[2]");
        assertThat(update.name("due_time")).isEqualTo("dueTime");
        assertThat(update.name("thing")).isEmpty();
        assertThat(update.name("thing.name")).isEqualTo("thing.name");
        assertThat(update.name("update_mask")).isEqualTo("updateMask");
        assertThat(list.name("filter.centre_id")).isEqualTo("filter.centreId");
        assertThat(list.name("page_token")).isEqualTo("pageToken");
        assertThat(list.name("parent")).isEqualTo("parent");
        assertThat(cancel.name("times[0]")).isEqualTo("times[0]");
        assertThat(cancel.name("name")).isEqualTo("name");
        assertThat(cancel.name("some_thing.unknown_here[1]")).isEqualTo("someThing.unknownHere[1]");
        assertThat(cancel.name("not a path")).isEqualTo("not a path");
    }

    @Test
    void printsResponseBodyFieldsOrTheWholeResponseWithEveryField() throws Exception {
        var get = matched(HttpMethod.GET, "/api/v1/centres/c1/things/t1");
        var cancel = matched(HttpMethod.POST, "/api/v1/centres/c1/things/t1:cancel");
        var list = matched(HttpMethod.GET, "/api/v1/things");

        GetThingResponse thing = GetThingResponse.newBuilder()
                .setThing(Thing.newBuilder().setName("centres/c1/things/t1").setColour(Colour.RED)).build();
        assertThat(text(responses.transcode(get.binding(), dynamic(thing))))
                .isEqualTo("{\"name\":\"centres/c1/things/t1\",\"count\":0,\"active\":false,\"colour\":\"RED\",\"tags\":[],\"etag\":\"\"}");

        CancelThingResponse cancelled = CancelThingResponse.newBuilder().addTags("a").addTags("b").build();
        assertThat(text(responses.transcode(cancel.binding(), dynamic(cancelled)))).isEqualTo("[\"a\",\"b\"]");

        ListThingsResponse page = ListThingsResponse.newBuilder().setNextPageToken("n").build();
        assertThat(text(responses.transcode(list.binding(), dynamic(page))))
                .isEqualTo("{\"things\":[],\"nextPageToken\":\"n\"}");
    }

    /** The errors a transcoding fails with; an {@link AssertionError} when it does not fail so. */
    private static List<FieldError> errorsOf(Runnable transcoding) {
        try {
            transcoding.run();
        } catch (TranscodingException e) {
            assertThat(e.errors()).as("field errors of: " + e.getMessage()).isNotEmpty();
            assertThat(e.errors()).allSatisfy(error -> assertThat(error.detail())
                    .doesNotContainPattern("(?i)failed|invalid [a-z]|cannot|expected|already|not found|parse|out of range"));
            return e.errors();
        }
        throw new AssertionError("the request was taken");
    }

    private static List<String> fieldsOf(Runnable transcoding) {
        return errorsOf(transcoding).stream().map(FieldError::field).toList();
    }

    private static HttpBindings.Matched matched(HttpMethod method, String path) {
        return (HttpBindings.Matched) BINDINGS.resolve(method, path);
    }

    private static DynamicMessage dynamic(com.google.protobuf.Message message) throws InvalidProtocolBufferException {
        var type = DESCRIPTORS.services().get(0).getFile().findMessageTypeByName(message.getDescriptorForType().getName());
        return DynamicMessage.parseFrom(type, message.toByteString());
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
