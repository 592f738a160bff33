package fr.bilan.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.bilan.gateway.transcoding.ApiDescriptors;
import fr.bilan.gateway.transcoding.HttpBinding;
import fr.bilan.gateway.transcoding.HttpBindings;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.json.JsonMapper;

class OpenApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The platform's own contract, and the test contract with every shape of HTTP rule. */
    @ParameterizedTest
    @ValueSource(strings = {ApiDescriptors.DEFAULT_LOCATION, "META-INF/bilan/testing-descriptors.pb"})
    void isAValidOpenApi31DocumentWithEveryAnnotatedRpc(String location) {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), location);
        HttpBindings bindings = HttpBindings.from(descriptors);
        String document = JSON.writeValueAsString(OpenApiDocument.build(descriptors, bindings, "http://localhost:8180/realms/bilan"));

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(bindings.all()).isNotEmpty();
        for (HttpBinding binding : bindings.all()) {
            String path = binding.path().toString().replaceAll("\\{([^}=]+)(=[^}]*)?}", "{$1}");
            PathItem item = api.getPaths().get(path);
            assertThat(item).as(path).isNotNull();
            Operation operation = item.readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(binding.httpMethod().name().toUpperCase(Locale.ROOT)));
            assertThat(operation).as(binding.httpMethod() + " " + path).isNotNull();
            assertThat(operation.getOperationId()).startsWith(binding.method().getService().getName() + "_" + binding.method().getName());
            assertThat(operation.getResponses()).containsKeys("200", "400", "401", "403");
            assertThat(operation.getExtensions().get("x-roles")).isEqualTo(List.copyOf(new java.util.TreeSet<>(binding.allowedRoles())));
        }
    }

    @org.junit.jupiter.api.Test
    void describesTheBeneficiaryApiFromTheProtoComments() {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
        var document = OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), "http://localhost:8180/realms/bilan");

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

    @org.junit.jupiter.api.Test
    void describesTheCalendarFeedAsPublicWithItsRawBody() {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
        var document = OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), "http://localhost:8180/realms/bilan");

        var feed = document.get("paths").get("/api/v1/calendarFeeds/{token}").get("get");
        assertThat(feed.get("security").isEmpty()).isTrue();
        assertThat(feed.get("description").asString()).contains("sans jeton d'accès");
        assertThat(feed.get("responses").get("200").get("content").has("*/*")).isTrue();
        var create = document.get("paths").get("/api/v1/calendarFeeds").get("post");
        assertThat(create.has("security")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void describesTheSynthesisDownloadsAsBinaryAttachments() {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
        var document = OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), "http://localhost:8180/realms/bilan");

        var own = document.get("paths").get("/api/v1/assessments/{assessment_id}/synthesis/document").get("get");
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

    @org.junit.jupiter.api.Test
    void describesTheDestructionCertificateExportAsADownloadAndItsVerificationAsJson() {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
        var document = OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), "http://localhost:8180/realms/bilan");

        var export = document.get("paths").get("/api/v1/centres/{centre_id}/destructionCertificates:export").get("get");
        assertThat(export.get("responses").get("200").get("content").propertyNames())
                .containsExactly("application/octet-stream");
        assertThat(export.get("parameters").findValuesAsString("name")).contains("centre_id", "startTime", "endTime");
        assertThat(export.get("description").asString())
                .contains("Rôles autorisés : auditor, centre-manager, network-admin.");
        var verify = document.get("paths").get("/api/v1/centres/{centre_id}/destructionCertificates:verify").get("get");
        assertThat(verify.get("responses").get("200").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/bilan.retention.v1.VerifyDestructionCertificatesResponse");
    }
}
