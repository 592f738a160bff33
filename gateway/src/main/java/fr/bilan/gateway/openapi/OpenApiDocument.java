package fr.bilan.gateway.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import fr.bilan.gateway.transcoding.ApiDescriptors;
import fr.bilan.gateway.transcoding.Etags;
import fr.bilan.gateway.transcoding.FieldPaths;
import fr.bilan.gateway.transcoding.HttpBinding;
import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.gateway.transcoding.PathTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the public API, built from the same descriptors and HTTP rules
 * the gateway routes with: paths, parameters, bodies, schemas (proto3 JSON mapping), comments as
 * descriptions, the bearer security scheme and the roles each operation allows.
 */
public final class OpenApiDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Integer> ERROR_STATUSES = List.of(400, 401, 403, 404, 409, 429, 503);
    /** A variable of a path template, its name in group 1: {@code {id}}, {@code {name=centres/*}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}=]+)(?:=[^}]*)?}");

    private final ProtoComments comments;
    private final ObjectNode schemas = NODES.objectNode();
    private final Deque<Descriptor> pending = new ArrayDeque<>();
    private final Set<String> described = new HashSet<>();

    private OpenApiDocument(ApiDescriptors descriptors) {
        this.comments = new ProtoComments(descriptors.files());
    }

    /** @param issuer the public URL of the Keycloak realm, for the OAuth2 flow of the docs page */
    public static ObjectNode build(ApiDescriptors descriptors, HttpBindings bindings, String issuer) {
        return new OpenApiDocument(descriptors).document(bindings, issuer);
    }

    private ObjectNode document(HttpBindings bindings, String issuer) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info")
                .put("title", "API de la plateforme Bilan de compétences")
                .put("version", "v1")
                .put("description", "API REST/JSON de la plateforme, transcodée des contrats gRPC. Chaque opération "
                        + "demande un jeton d'accès Keycloak (en-tête Authorization: Bearer) et liste les rôles autorisés, "
                        + "sauf les rares opérations publiques, dont le chemin porte un secret (flux d'agenda). "
                        + "Les erreurs sont des problèmes RFC 9457 (application/problem+json). Conventions : docs/api.md.");
        root.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = root.putObject("paths");
        Map<String, Integer> operationIds = new HashMap<>();
        Set<String> tags = new TreeSet<>();
        Map<String, String> openApiPaths = openApiPaths(bindings.all().stream().map(HttpBinding::path).toList());
        for (HttpBinding binding : bindings.all()) {
            String path = openApiPaths.get(binding.path().toString());
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            String baseId = binding.method().getService().getName() + "_" + binding.method().getName();
            int count = operationIds.merge(baseId, 1, Integer::sum);
            tags.add(binding.method().getService().getName());
            item.set(binding.httpMethod().name().toLowerCase(java.util.Locale.ROOT),
                    operation(binding, templateNames(path), count == 1 ? baseId : baseId + "_" + count));
        }
        ObjectNode components = root.putObject("components");
        while (!pending.isEmpty()) {
            describe(pending.pop());
        }
        components.set("schemas", schemas);
        schemas.set("Problem", problemSchema());
        ObjectNode problem = components.putObject("responses").putObject("Problem");
        problem.put("description", "Problème RFC 9457 : type stable, titre en français, code gRPC, identifiant de corrélation.");
        problem.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "Jeton d'accès Keycloak du royaume « bilan » (audience bilan-api).");
        ObjectNode flow = securitySchemes.putObject("keycloak").put("type", "oauth2")
                .put("description", "Connexion Keycloak du royaume « bilan » : code d'autorisation + PKCE "
                        + "(bouton Authorize de /api/docs, avec un utilisateur du royaume).")
                .putObject("flows").putObject("authorizationCode");
        flow.put("authorizationUrl", issuer + "/protocol/openid-connect/auth")
                .put("tokenUrl", issuer + "/protocol/openid-connect/token")
                .putObject("scopes").put("openid", "Identité OpenID Connect de la personne connectée");
        ArrayNode security = root.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("keycloak");
        ArrayNode tagList = root.putArray("tags");
        tags.forEach(tag -> tagList.addObject().put("name", tag));
        return root;
    }

    /** @param pathNames the names the document gives the variables of the binding's path, in order */
    private ObjectNode operation(HttpBinding binding, List<String> pathNames, String operationId) {
        var method = binding.method();
        ObjectNode operation = NODES.objectNode();
        operation.put("operationId", operationId);
        operation.putArray("tags").add(method.getService().getName());
        String comment = comments.of(method.getFullName());
        String roles = String.join(", ", new TreeSet<>(binding.allowedRoles()));
        operation.put("summary", comment != null ? ProtoComments.firstSentence(comment) : method.getName());
        operation.put("description", (comment != null ? comment + "\n\n" : "") + (binding.publicWithSecretPath()
                ? "Publique : sans jeton d'accès, le secret du chemin en tient lieu."
                : "Rôles autorisés : " + (roles.isEmpty() ? "aucun (opération refusée)" : roles) + "."));
        if (binding.publicWithSecretPath()) {
            operation.putArray("security");
        }
        ArrayNode allowed = operation.putArray("x-roles");
        new TreeSet<>(binding.allowedRoles()).forEach(allowed::add);
        ArrayNode parameters = operation.putArray("parameters");
        Descriptor input = method.getInputType();
        List<String> fieldPaths = binding.path().fieldPaths();
        for (int i = 0; i < fieldPaths.size(); i++) {
            List<FieldDescriptor> fields = FieldPaths.resolve(input, fieldPaths.get(i)).orElseThrow();
            ObjectNode parameter = parameters.addObject().put("name", pathNames.get(i)).put("in", "path").put("required", true);
            parameter.set("schema", schema(fields.get(fields.size() - 1)));
            describeParameter(parameter, fields.get(fields.size() - 1));
            if (!lowerCamelCase(fieldPaths.get(i)).equals(pathNames.get(i))) {
                // a name of its own: the field it fills is the one a problem's errors[].field names
                String fills = "Remplit le champ `" + fieldPaths.get(i) + "` de la requête.";
                parameter.put("description", parameter.has("description")
                        ? parameter.get("description").asString() + "\n\n" + fills : fills);
            }
        }
        if (binding.body() == null || !binding.bodyIsWholeRequest()) {
            for (FieldDescriptor field : input.getFields()) {
                if (field.getName().equals(binding.body()) || binding.path().fieldPaths().stream()
                        .anyMatch(bound -> bound.equals(field.getName()) || bound.startsWith(field.getName() + "."))
                        || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isScalarMessage(field.getMessageType())) {
                    continue;
                }
                ObjectNode parameter = parameters.addObject().put("name", field.getJsonName()).put("in", "query");
                parameter.set("schema", schema(field));
                if (field.isRepeated()) {
                    parameter.put("style", "form").put("explode", true);
                }
                describeParameter(parameter, field);
            }
        }
        if (Etags.takesIfMatch(binding)) {
            parameters.addObject().put("name", "If-Match").put("in", "header").put("required", false)
                    .put("description", "L'etag lu : la modification n'a lieu que si personne n'a changé la ressource "
                            + "depuis (sinon 412).")
                    .putObject("schema").put("type", "string");
        }
        if (binding.body() != null) {
            ObjectNode body = operation.putObject("requestBody").put("required", true);
            ObjectNode schema = binding.bodyIsWholeRequest() ? reference(input) : schema(input.findFieldByName(binding.body()));
            body.putObject("content").putObject("application/json").set("schema", schema);
        }
        ObjectNode responses = operation.putObject("responses");
        boolean streams = method.isServerStreaming();
        ObjectNode ok = responses.putObject("200");
        if (binding.answersDownload()) {
            // the type is data (the first chunk's content type), not contract: opaque bytes, which clients keep as a file
            ok.put("description", "Succès : le fichier, envoyé au fil de l'eau, du type que donne l'en-tête "
                    + "Content-Type (application/pdf pour un PDF). Une erreur en cours de route coupe la connexion : "
                    + "un téléchargement interrompu n'est jamais présenté comme complet.");
            ok.putObject("content").putObject(MediaType.APPLICATION_OCTET_STREAM_VALUE).putObject("schema")
                    .put("type", "string").put("format", "binary");
        } else if (binding.answersRawBody()) {
            ok.put("description", binding.fileName() != null
                    ? "Succès : le fichier, du type que donne l'en-tête Content-Type (application/pdf pour un PDF)."
                    : "Succès : le corps tel quel, du type que donne l'en-tête Content-Type.");
            ok.putObject("content").putObject(binding.fileName() != null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                    : "*/*").putObject("schema").put("type", "string").put("format", "binary");
        } else {
            ok.put("description", streams
                    ? "Succès : un objet JSON par ligne (application/x-ndjson), au fil de l'eau. Une erreur en cours "
                            + "de route termine le flux par une ligne {\"error\": problème}."
                    : "Succès.");
            ok.putObject("content").putObject(streams ? "application/x-ndjson" : "application/json").set("schema",
                    binding.responseBody() != null ? schema(binding.responseBody()) : reference(method.getOutputType()));
        }
        if (binding.fileName() != null) {
            headers(ok).putObject(HttpHeaders.CONTENT_DISPOSITION)
                    .put("description", "attachment; filename=\"" + binding.fileName() + "\" : à enregistrer sous "
                            + "ce nom, pas à afficher.")
                    .putObject("schema").put("type", "string");
        }
        if (Etags.givesEtag(binding)) {
            headers(ok).putObject("ETag").put("description", "L'etag de la ressource, à renvoyer en If-Match.")
                    .putObject("schema").put("type", "string");
        }
        ERROR_STATUSES.forEach(status -> responses.putObject(String.valueOf(status)).put("$ref", "#/components/responses/Problem"));
        if (Etags.takesIfMatch(binding)) {
            responses.putObject("412").put("$ref", "#/components/responses/Problem");
        }
        return operation;
    }

    /** The response's headers object, made the first time. */
    private static ObjectNode headers(ObjectNode response) {
        return response.get("headers") instanceof ObjectNode headers ? headers : response.putObject("headers");
    }

    private void describeParameter(ObjectNode parameter, FieldDescriptor field) {
        String comment = comments.of(field.getFullName());
        if (comment != null) {
            parameter.put("description", comment);
        }
    }

    /**
     * The path of each template in the document, by template. OpenAPI allows one path item per URL
     * and plain parameter names: each variable is named after the last field of its path in
     * lowerCamelCase ({@code beneficiary.id} and {@code id} give {@code id}, {@code assessment_id}
     * gives {@code assessmentId}), or after its whole path where that would repeat a name. The
     * templates of one URL take the names of the first of them in the order of those names, so that
     * every operation on a URL declares the same parameters; the gateway still fills the fields of
     * each template's own rule. A variable spanning segments ({@code {name=centres/*}}) stays one
     * parameter: OpenAPI has no multi-segment variables.
     */
    static Map<String, String> openApiPaths(Collection<PathTemplate> templates) {
        Map<String, List<String>> namesByUrl = new HashMap<>();
        for (PathTemplate template : templates) {
            namesByUrl.merge(url(template), parameterNames(template.fieldPaths()),
                    (one, other) -> String.join("/", one).compareTo(String.join("/", other)) <= 0 ? one : other);
        }
        Map<String, String> paths = new HashMap<>();
        for (PathTemplate template : templates) {
            Iterator<String> names = namesByUrl.get(url(template)).iterator();
            paths.put(template.toString(), VARIABLE.matcher(template.toString())
                    .replaceAll(variable -> Matcher.quoteReplacement("{" + names.next() + "}")));
        }
        return paths;
    }

    /** The URL a template stands for, whatever its variables are called: {@code /api/v1/beneficiaries/{}}. */
    private static String url(PathTemplate template) {
        return VARIABLE.matcher(template.toString()).replaceAll("{}");
    }

    private static List<String> parameterNames(List<String> fieldPaths) {
        List<String> lastFields = fieldPaths.stream()
                .map(fieldPath -> lowerCamelCase(fieldPath.substring(fieldPath.lastIndexOf('.') + 1)))
                .toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fieldPaths.size(); i++) {
            String name = lastFields.get(i);
            names.add(Collections.frequency(lastFields, name) == 1 ? name : lowerCamelCase(fieldPaths.get(i).replace('.', '_')));
        }
        return names;
    }

    private static String lowerCamelCase(String protoName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : protoName.toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private ObjectNode reference(Descriptor type) {
        if (described.add(type.getFullName())) {
            pending.push(type);
        }
        return NODES.objectNode().put("$ref", "#/components/schemas/" + type.getFullName());
    }

    private void describe(Descriptor type) {
        ObjectNode schema = schemas.putObject(type.getFullName()).put("type", "object");
        String comment = comments.of(type.getFullName());
        if (comment != null) {
            schema.put("description", comment);
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (FieldDescriptor field : type.getFields()) {
            ObjectNode property = schema(field);
            String fieldComment = comments.of(field.getFullName());
            if (fieldComment != null) {
                property.put("description", fieldComment);
            }
            List<FieldBehavior> behaviors = field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
            if (behaviors.contains(FieldBehavior.OUTPUT_ONLY)) {
                property.put("readOnly", true);
            }
            if (behaviors.contains(FieldBehavior.REQUIRED)) {
                required.add(field.getJsonName());
            }
            properties.set(field.getJsonName(), property);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
    }

    private ObjectNode schema(FieldDescriptor field) {
        if (field.isMapField()) {
            ObjectNode map = NODES.objectNode().put("type", "object");
            map.set("additionalProperties", single(field.getMessageType().findFieldByName("value")));
            return map;
        }
        if (field.isRepeated()) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", single(field));
            return array;
        }
        return single(field);
    }

    private ObjectNode single(FieldDescriptor field) {
        return switch (field.getType()) {
            case STRING -> NODES.objectNode().put("type", "string");
            case BYTES -> NODES.objectNode().put("type", "string").put("contentEncoding", "base64");
            case BOOL -> NODES.objectNode().put("type", "boolean");
            case INT32, SINT32, SFIXED32 -> NODES.objectNode().put("type", "integer").put("format", "int32");
            case UINT32, FIXED32 -> NODES.objectNode().put("type", "integer").put("format", "int64").put("minimum", 0);
            // proto3 JSON writes 64-bit integers as strings
            case INT64, SINT64, SFIXED64, UINT64, FIXED64 -> NODES.objectNode().put("type", "string").put("format", "int64");
            case FLOAT -> NODES.objectNode().put("type", "number").put("format", "float");
            case DOUBLE -> NODES.objectNode().put("type", "number").put("format", "double");
            case ENUM -> {
                ObjectNode values = NODES.objectNode().put("type", "string");
                ArrayNode names = values.putArray("enum");
                field.getEnumType().getValues().stream().map(EnumValueDescriptor::getName).forEach(names::add);
                String comment = comments.of(field.getEnumType().getFullName());
                if (comment != null) {
                    values.put("description", comment);
                }
                yield values;
            }
            case MESSAGE, GROUP -> message(field.getMessageType());
        };
    }

    private ObjectNode message(Descriptor type) {
        return switch (type.getFullName()) {
            case "google.protobuf.Timestamp" -> NODES.objectNode().put("type", "string").put("format", "date-time");
            case "google.protobuf.Duration" -> NODES.objectNode().put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]{1,9})?s$");
            case "google.protobuf.FieldMask" -> NODES.objectNode().put("type", "string")
                    .put("description", "Champs à modifier, séparés par des virgules.");
            case "google.protobuf.Struct" -> NODES.objectNode().put("type", "object");
            case "google.protobuf.Value" -> NODES.objectNode();
            case "google.protobuf.ListValue" -> NODES.objectNode().put("type", "array");
            case "google.protobuf.Empty" -> NODES.objectNode().put("type", "object");
            default -> {
                if (isWrapper(type)) {
                    ObjectNode wrapped = single(type.findFieldByName("value"));
                    String wrappedType = wrapped.get("type").asString();
                    wrapped.putArray("type").add(wrappedType).add("null");
                    yield wrapped;
                }
                yield reference(type);
            }
        };
    }

    private static boolean isWrapper(Descriptor type) {
        return type.getFile().getName().equals("google/protobuf/wrappers.proto");
    }

    private static boolean isScalarMessage(Descriptor type) {
        return isWrapper(type) || Set.of("google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask")
                .contains(type.getFullName());
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = NODES.objectNode().put("type", "object")
                .put("description", "Problème RFC 9457. Chaque détail de l'échec que le contrat définit s'y ajoute en "
                        + "membre nommé d'après son message, au format JSON du contrat (ex. slotConflict : "
                        + "{resource, startTime, endTime} pour un créneau déjà pris).");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("description", "Identifiant stable du type de problème (urn:bilan:problem:…).");
        properties.putObject("title").put("type", "string").put("description", "Titre en français, à montrer à l'utilisateur.");
        properties.putObject("status").put("type", "integer").put("description", "Statut HTTP.");
        properties.putObject("detail").put("type", "string").put("description", "Explication en français.");
        properties.putObject("instance").put("type", "string").put("description", "Chemin de la requête.");
        properties.putObject("code").put("type", "string").put("description", "Code gRPC (INVALID_ARGUMENT, NOT_FOUND…).");
        properties.putObject("correlationId").put("type", "string").put("description", "À communiquer au support (X-Request-Id).");
        ObjectNode errors = properties.putObject("errors").put("type", "array")
                .put("description", "Champs en erreur, pour les requêtes invalides.");
        ObjectNode error = errors.putObject("items").put("type", "object");
        error.putObject("properties").putObject("field").put("type", "string").put("description",
                "Le champ tel que la requête l'écrit : chemin en lowerCamelCase dans le corps (sessions[0].startTime), "
                        + "paramètre de chemin ou de requête par son nom.");
        ((ObjectNode) error.get("properties")).putObject("detail").put("type", "string");
        schema.putArray("required").add("type").add("title").add("status");
        return schema;
    }
}
