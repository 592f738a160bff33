package fr.bilan.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.bilan.gateway.transcoding.ApiDescriptors;
import fr.bilan.gateway.transcoding.HttpBinding;
import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.gateway.transcoding.PathTemplate;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TESTING_LOCATION = "META-INF/bilan/testing-descriptors.pb";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("\\{([^}]*)}");

    static ObjectNode document(String location) {
        ApiDescriptors descriptors = ApiDescriptors.load(OpenApiDocumentTest.class.getClassLoader(), location);
        return OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), "http://localhost:8180/realms/bilan");
    }

    private static HttpBindings bindings(String location) {
        return HttpBindings.from(ApiDescriptors.load(OpenApiDocumentTest.class.getClassLoader(), location));
    }

    /** The URL a template stands for, whatever its variables are called: {@code /a/{}/b}. */
    private static String url(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE_NAME.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The operation of an RPC, wherever the document put it. */
    private static JsonNode operation(JsonNode document, String operationId) {
        for (JsonNode item : document.get("paths")) {
            for (JsonNode operation : item) {
                if (operation.get("operationId").asString().equals(operationId)) {
                    return operation;
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
    }

    /** The platform's own contract, and the test contract with every shape of HTTP rule. */
    @ParameterizedTest
    @ValueSource(strings = {ApiDescriptors.DEFAULT_LOCATION, TESTING_LOCATION})
    void isAValidOpenApi31DocumentWithEveryAnnotatedRpc(String location) {
        HttpBindings bindings = bindings(location);
        String document = JSON.writeValueAsString(document(location));

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(bindings.all()).isNotEmpty();
        for (HttpBinding binding : bindings.all()) {
            String url = url(binding.path().toString());
            List<String> paths = api.getPaths().keySet().stream().filter(path -> url(path).equals(url)).toList();
            assertThat(paths).as(binding.path().toString()).hasSize(1);
            Operation operation = api.getPaths().get(paths.get(0)).readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(binding.httpMethod().name().toUpperCase(Locale.ROOT)));
            assertThat(operation).as(binding.httpMethod() + " " + paths.get(0)).isNotNull();
            assertThat(operation.getOperationId()).startsWith(binding.method().getService().getName() + "_" + binding.method().getName());
            assertThat(operation.getResponses()).containsKeys("200", "400", "401", "403");
            assertThat(operation.getExtensions().get("x-roles")).isEqualTo(List.copyOf(new TreeSet<>(binding.allowedRoles())));
        }
    }

    /**
     * OpenAPI 3.1 forbids two path items for one URL under different variable names, and client
     * generators make two clients of them: one item per URL, with every operation on it, each
     * declaring the variables of the path by the same plain names.
     */
    @ParameterizedTest
    @ValueSource(strings = {ApiDescriptors.DEFAULT_LOCATION, TESTING_LOCATION})
    void givesEachUrlOnePathItemWhoseOperationsShareItsPlainParameterNames(String location) {
        var api = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(document(location)), null, new ParseOptions())
                .getOpenAPI();

        Set<String> urls = new HashSet<>();
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            String path = entry.getKey();
            assertThat(urls.add(url(path))).as("a second path item for the URL of " + path).isTrue();
            List<String> names = templateNames(path);
            assertThat(names).as(path).allMatch(name -> name.matches("[a-z][A-Za-z0-9]*")).doesNotHaveDuplicates();
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : entry.getValue().readOperationsMap().entrySet()) {
                List<Parameter> parameters = operation.getValue().getParameters();
                assertThat(parameters.stream().filter(parameter -> parameter.getIn().equals("path")).map(Parameter::getName))
                        .as(operation.getKey() + " " + path).containsExactlyElementsOf(names);
                // a generated client takes the parameters as the properties of one object, by name
                assertThat(parameters.stream().map(parameter -> parameter.getName().toLowerCase(Locale.ROOT)))
                        .as(operation.getKey() + " " + path).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void readsAndChangesAResourceAtOneUrlAndSaysWhichFieldItsParameterFills() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);
        JsonNode paths = document.get("paths");

        assertThat(paths.get("/api/v1/beneficiaries/{id}").propertyNames()).containsExactlyInAnyOrder("get", "patch");
        assertThat(paths.get("/api/v1/agreements/{id}").propertyNames()).containsExactlyInAnyOrder("get", "patch");
        assertThat(paths.get("/api/v1/assessments/{assessmentId}/synthesis").propertyNames())
                .containsExactlyInAnyOrder("get", "patch");
        assertThat(paths.get("/api/v1/consultants/{consultantId}/availability").propertyNames())
                .containsExactlyInAnyOrder("get", "put");
        assertThat(paths.get("/api/v1/assessments/{assessmentId}/sessions/{sessionId}:cancel")).isNotNull();
        JsonNode update = paths.get("/api/v1/beneficiaries/{id}").get("patch").get("parameters").get(0);
        assertThat(update.get("name").asString()).isEqualTo("id");
        assertThat(update.get("in").asString()).isEqualTo("path");
        assertThat(update.get("description").asString()).contains("beneficiary.id");
        JsonNode save = paths.get("/api/v1/assessments/{assessmentId}/synthesis").get("patch").get("parameters").get(0);
        assertThat(save.get("description").asString()).contains("synthesis.assessment_id");
    }

    /** Each variable is named by the last field of its path, or by the whole path where that repeats. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/beneficiaries/{id}                                  | /api/v1/beneficiaries/{id}",
            "/api/v1/beneficiaries/{beneficiary.id}                      | /api/v1/beneficiaries/{id}",
            "/api/v1/assessments/{assessment_id}/synthesis               | /api/v1/assessments/{assessmentId}/synthesis",
            "/api/v1/assessments/{synthesis.assessment_id}/synthesis     | /api/v1/assessments/{assessmentId}/synthesis",
            "/api/v1/a/{assessment.id}/s/{session.id}:cancel             | /api/v1/a/{assessmentId}/s/{sessionId}:cancel",
            "/api/v1/{name=centres/*/things/*}                           | /api/v1/{name}",
            "/api/v1/{thing.name=centres/*/things/*}                     | /api/v1/{name}"})
    void namesPathParametersAfterTheFieldsTheyFill(String template, String path) {
        assertThat(OpenApiDocument.openApiPaths(List.of(PathTemplate.parse(template))))
                .containsExactly(Map.entry(template, path));
    }

    @Test
    void givesTheOperationsOnOneUrlTheSameNamesEvenWhenTheirFieldsDiffer() {
        List<PathTemplate> templates = List.of(PathTemplate.parse("/api/v1/things/{thing_id}"),
                PathTemplate.parse("/api/v1/things/{thing.id}:cancel"), PathTemplate.parse("/api/v1/things/{id}"));

        assertThat(OpenApiDocument.openApiPaths(templates)).containsOnly(
                Map.entry("/api/v1/things/{thing_id}", "/api/v1/things/{id}"),
                Map.entry("/api/v1/things/{id}", "/api/v1/things/{id}"),
                Map.entry("/api/v1/things/{thing.id}:cancel", "/api/v1/things/{id}:cancel"));
    }

    @Test
    void summarisesEachOperationByTheWholeFirstSentenceOfItsComment() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        assertThat(operation(document, "BeneficiaryService_CreateBeneficiary").get("summary").asString())
                .isEqualTo("Registers a beneficiary in a centre.");
        assertThat(operation(document, "BeneficiaryService_UpdateBeneficiary").get("summary").asString())
                .isEqualTo("Changes the fields named in `update_mask` (over HTTP, the fields sent when no mask is given).");
        // "art. 15" does not end the sentence
        assertThat(operation(document, "PersonalDataService_ExportPersonalData").get("summary").asString())
                .isEqualTo("Everything this service holds about a beneficiary, as one document (right of access, RGPD art. 15).");
        assertThat(operation(document, "PersonalDataService_ErasePersonalData").get("summary").asString())
                .isEqualTo("Erases what may be erased now (RGPD art. 17) and answers, item by item, what was erased and "
                        + "what the law keeps, and until when.");
        JsonNode update = operation(document, "BeneficiaryService_UpdateBeneficiary");
        assertThat(update.get("description").asString().replaceAll("\\s+", " "))
                .startsWith("Changes the fields named in `update_mask` (over HTTP, the fields sent when no mask is given). "
                        + "With an `etag`, the change applies only if nobody changed the beneficiary since it was read "
                        + "(otherwise ABORTED).")
                .endsWith("Rôles autorisés : centre-manager, consultant.");
        for (JsonNode item : document.get("paths")) {
            for (JsonNode operation : item) {
                String summary = operation.get("summary").asString();
                String description = operation.get("description").asString().replaceAll("\\s+", " ");
                assertThat(summary).as(operation.get("operationId").asString())
                        .doesNotContain("\n").endsWith(".")
                        .satisfies(whole -> assertThat(whole.chars().filter(c -> c == '(').count())
                                .isEqualTo(whole.chars().filter(c -> c == ')').count()))
                        .satisfies(whole -> assertThat(whole.chars().filter(c -> c == '`').count() % 2).isZero());
                assertThat(description).startsWith(summary);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Reads one beneficiary.                                   | Reads one beneficiary.",
            "Registers a beneficiary. Retrying returns the first one. | Registers a beneficiary.",
            "Spans\\n two lines. Then more.                            | Spans two lines.",
            "Has no full stop                                         | Has no full stop",
            "Quotes RGPD art. 15 and art. L6313-1. Then more.         | Quotes RGPD art. 15 and art. L6313-1.",
            "Takes e.g. a date, i.e. a day. Then more.                | Takes e.g. a date, i.e. a day.",
            "Runs version 1.5 (see BILAN.md: rules). Then more.       | Runs version 1.5 (see BILAN.md: rules).",
            "Asks cf. the rules, then goes on. Then more.             | Asks cf. the rules, then goes on.",
            "synthesis-service reports it. `request_id` says which.   | synthesis-service reports it."})
    void takesTheWholeFirstSentence(String comment, String sentence) {
        assertThat(ProtoComments.firstSentence(comment.replace("\\n", "\n"))).isEqualTo(sentence);
    }

    @Test
    void describesTheBeneficiaryApiFromTheProtoComments() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        var create = document.get("paths").get("/api/v1/beneficiaries").get("post");
        assertThat(create.get("summary").asString()).startsWith("Registers a beneficiary");
        assertThat(create.get("description").asString()).contains("Rôles autorisés : centre-manager, consultant.");
        assertThat(create.get("requestBody").get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/bilan.beneficiary.v1.Beneficiary");
        var get = document.get("paths").get("/api/v1/beneficiaries/{id}").get("get");
        assertThat(get.get("parameters").get(0).get("in").asString()).isEqualTo("path");
        var beneficiary = document.get("components").get("schemas").get("bilan.beneficiary.v1.Beneficiary");
        assertThat(beneficiary.get("properties").get("createTime").get("format").asString()).isEqualTo("date-time");
        assertThat(beneficiary.get("properties").get("id").get("readOnly").asBoolean()).isTrue();
        assertThat(beneficiary.get("required").toString()).contains("centreId", "givenName", "familyName", "email");
        assertThat(beneficiary.get("properties").get("givenName").get("description").asString()).isEqualTo("Given name (prénom).");
    }

    @Test
    void describesTheCalendarFeedAsPublicWithItsRawBody() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        var feed = document.get("paths").get("/api/v1/calendarFeeds/{token}").get("get");
        assertThat(feed.get("security").isEmpty()).isTrue();
        assertThat(feed.get("description").asString()).contains("sans jeton d'accès");
        assertThat(feed.get("responses").get("200").get("content").has("*/*")).isTrue();
        var create = document.get("paths").get("/api/v1/calendarFeeds").get("post");
        assertThat(create.has("security")).isFalse();
    }

    @Test
    void describesTheSynthesisDownloadsAsBinaryAttachments() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        var own = document.get("paths").get("/api/v1/assessments/{assessmentId}/synthesis/document").get("get");
        var shared = document.get("paths").get("/api/v1/synthesisShares/{token}/document").get("get");
        var agreement = document.get("paths").get("/api/v1/agreements/{id}/document").get("get");
        var names = java.util.Map.of(own, "document-de-synthese.pdf", shared, "document-de-synthese-partage.pdf",
                agreement, "convention-tripartite.pdf");
        names.forEach((download, name) -> {
            var ok = download.get("responses").get("200");
            assertThat(ok.get("content").propertyNames()).containsExactly("application/octet-stream");
            assertThat(ok.get("content").get("application/octet-stream").get("schema").get("format").asString())
                    .isEqualTo("binary");
            assertThat(ok.get("headers").get("Content-Disposition").get("description").asString())
                    .startsWith("attachment; filename=\"" + name + "\"");
            assertThat(download.get("responses").has("404")).isTrue();
        });
        assertThat(own.get("description").asString()).contains("Rôles autorisés : beneficiary, consultant.");
        assertThat(own.has("security")).isFalse();
        assertThat(shared.get("security").isEmpty()).isTrue();
        assertThat(shared.get("description").asString()).contains("sans jeton d'accès");
    }

    @Test
    void describesTheDestructionCertificateExportAsADownloadAndItsVerificationAsJson() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        var export = document.get("paths").get("/api/v1/centres/{centreId}/destructionCertificates:export").get("get");
        assertThat(export.get("responses").get("200").get("content").propertyNames())
                .containsExactly("application/octet-stream");
        assertThat(export.get("parameters").findValuesAsString("name")).contains("centreId", "startTime", "endTime");
        assertThat(export.get("description").asString())
                .contains("Rôles autorisés : auditor, centre-manager, network-admin.");
        var verify = document.get("paths").get("/api/v1/centres/{centreId}/destructionCertificates:verify").get("get");
        assertThat(verify.get("responses").get("200").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/bilan.retention.v1.VerifyDestructionCertificatesResponse");
    }

    @Test
    void publishesACentresSettingsForItsStaffWithTheZoneTheFrontEndShowsTimesIn() {
        ObjectNode document = document(ApiDescriptors.DEFAULT_LOCATION);

        var settings = document.get("paths").get("/api/v1/centres/{centreId}/settings").get("get");
        assertThat(settings.get("operationId").asString()).isEqualTo("CentreService_GetCentreSettings");
        assertThat(settings.get("parameters").findValuesAsString("name")).containsExactly("centreId");
        assertThat(settings.get("description").asString())
                .contains("Rôles autorisés : auditor, centre-manager, consultant, network-admin.");
        assertThat(settings.get("responses").get("200").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/bilan.session.v1.CentreSettings");
        var zone = document.get("components").get("schemas").get("bilan.session.v1.CentreTimeZone").get("properties");
        assertThat(zone.propertyNames()).containsExactlyInAnyOrder("id", "label");
    }
}
