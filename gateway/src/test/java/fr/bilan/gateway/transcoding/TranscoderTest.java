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
                            .containsExactlyInAnyOrder("colour", "include_archived", "page_size", "filter");
                });
    }

    @Test
    void refusesAnInvalidValueForANumber() {
        var match = matched(HttpMethod.GET, "/api/v1/things");
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("page_size", "many");

        assertThatThrownBy(() -> requests.transcode(match.binding(), match.variables(), query, new byte[0]))
                .isInstanceOfSatisfying(TranscodingException.class,
                        e -> assertThat(e.getMessage()).startsWith("Valeur invalide dans la requête"));
    }

    @Test
    void bodyFillsTheNamedFieldAndThePathWinsOverIt() throws Exception {
        var match = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");
        byte[] body = json("{\"name\":\"centres/x/things/y\",\"count\":4,\"colour\":\"BLUE\",\"due_time\":\"2026-10-25T02:30:00+02:00\"}");
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
                    assertThat(e.errors()).containsExactly(new FieldError("thing.secret", "Champ inconnu."));
                });
    }

    @Test
    void refusesValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
        var patch = matched(HttpMethod.PATCH, "/api/v1/centres/c1/things/t1");

        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"active\":\"yes\",\"count\":{},\"tags\":\"a\",\"due_time\":5}")))
                .isInstanceOfSatisfying(TranscodingException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("thing.active", "true ou false est attendu."),
                        new FieldError("thing.count", "Un nombre est attendu."),
                        new FieldError("thing.tags", "Une liste JSON est attendue."),
                        new FieldError("thing.due_time",
                                "Une date et heure RFC 3339 est attendue (ex. 2026-03-29T09:00:00Z).")));
        assertThatThrownBy(() -> requests.transcode(patch.binding(), patch.variables(), Map.of(),
                json("{\"tags\":[\"a\",1]}")))
                .isInstanceOfSatisfying(TranscodingException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("thing.tags[1]", "Une chaîne de caractères est attendue.")));
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
