package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;

import fr.bilan.proto.api.v1.DownloadProto;
import fr.bilan.proto.auth.AccessRules;

/**
 * The routing table of the public API, built from the {@code google.api.http} rules. An RPC of an
 * internal package with such a rule stops the gateway at start: it is never published.
 */
public final class HttpBindings {

    private static final Logger log = LoggerFactory.getLogger(HttpBindings.class);
    private static final Pattern PACKAGE = Pattern.compile("bilan\\.([a-z][a-z0-9_]*)\\.v[0-9]+[a-z0-9]*");
    private static final String RESOLUTION = HttpBindings.class.getName() + ".resolution";

    /** What a request path and method resolve to. */
    public sealed interface Resolution permits Matched, MethodNotAllowed, NoRoute {
    }

    public record Matched(HttpBinding binding, Map<String, String> variables) implements Resolution {
    }

    public record MethodNotAllowed(Set<HttpMethod> allowed) implements Resolution {
    }

    public record NoRoute() implements Resolution {
    }

    private final List<HttpBinding> bindings;
    private final Set<String> pagePaths;

    private HttpBindings(List<HttpBinding> bindings) {
        this.bindings = bindings.stream()
                .sorted(Comparator.comparingInt((HttpBinding b) -> b.path().literalCount()).reversed())
                .toList();
        Set<String> publicReads = new LinkedHashSet<>();
        Set<String> forms = new LinkedHashSet<>();
        for (HttpBinding binding : bindings) {
            if (binding.publicWithSecretPath()) {
                (HttpMethod.GET.equals(binding.httpMethod()) ? publicReads : forms).add(binding.path().toString());
            }
        }
        for (String form : forms) {
            if (!publicReads.contains(form)) {
                throw new IllegalStateException("The public form posted to " + form
                        + " has no public page (a public_with_secret_path GET) on the same path");
            }
        }
        this.pagePaths = Set.copyOf(forms);
    }

    /**
     * Whether the route is a page a person opens in a browser: a {@code public_with_secret_path}
     * route whose path also takes the page's form (a POST whose body is one {@code google.api.HttpBody}
     * field). Its failures are shown as a French HTML page, not as {@code application/problem+json}.
     */
    public boolean isPage(HttpBinding binding) {
        return binding.publicWithSecretPath() && pagePaths.contains(binding.path().toString());
    }

    public static HttpBindings from(ApiDescriptors descriptors) {
        List<HttpBinding> bindings = new ArrayList<>();
        for (ServiceDescriptor service : descriptors.services()) {
            for (MethodDescriptor method : service.getMethods()) {
                if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
                    continue;
                }
                if (isInternal(service)) {
                    throw new IllegalStateException(method.getFullName() + " is a service-to-service RPC (package "
                            + service.getFile().getPackage() + ") yet declares a google.api.http rule: the "
                            + "gateway never publishes an internal package; remove the rule, or move the RPC to "
                            + "a public package bilan.<domain>.v1 if people are to call it");
                }
                if (method.isClientStreaming()) {
                    log.warn("{} streams its requests: not exposed over HTTP", method.getFullName());
                    continue;
                }
                HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
                bindings.add(binding(rule, method));
                rule.getAdditionalBindingsList().forEach(additional -> bindings.add(binding(additional, method)));
            }
        }
        return new HttpBindings(bindings);
    }

    /**
     * Whether the service belongs to an internal package ({@code bilan.<domain>.internal.v1}): its
     * RPCs are called by other services only, with their own tokens, which skip centre scoping.
     */
    static boolean isInternal(ServiceDescriptor service) {
        return ("." + service.getFile().getPackage() + ".").contains(".internal.");
    }

    static HttpBinding binding(HttpRule rule, MethodDescriptor method) {
        HttpMethod httpMethod;
        String template;
        switch (rule.getPatternCase()) {
            case GET -> { httpMethod = HttpMethod.GET; template = rule.getGet(); }
            case POST -> { httpMethod = HttpMethod.POST; template = rule.getPost(); }
            case PUT -> { httpMethod = HttpMethod.PUT; template = rule.getPut(); }
            case PATCH -> { httpMethod = HttpMethod.PATCH; template = rule.getPatch(); }
            case DELETE -> { httpMethod = HttpMethod.DELETE; template = rule.getDelete(); }
            case CUSTOM -> {
                httpMethod = HttpMethod.valueOf(rule.getCustom().getKind());
                template = rule.getCustom().getPath();
            }
            default -> throw new IllegalStateException(method.getFullName() + " has an HTTP rule with no pattern");
        }
        PathTemplate path = PathTemplate.parse(template);
        Descriptor input = method.getInputType();
        path.fieldPaths().forEach(fieldPath -> FieldPaths.resolve(input, fieldPath)
                .orElseThrow(() -> new IllegalStateException(
                        method.getFullName() + ": path variable " + fieldPath + " names no field")));
        String body = rule.getBody().isEmpty() ? null : rule.getBody();
        if (body != null && !"*".equals(body) && input.findFieldByName(body) == null) {
            throw new IllegalStateException(method.getFullName() + ": body names no field: " + body);
        }
        FieldDescriptor responseBody = null;
        if (!rule.getResponseBody().isEmpty()) {
            responseBody = method.getOutputType().findFieldByName(rule.getResponseBody());
            if (responseBody == null) {
                throw new IllegalStateException(method.getFullName() + ": response_body names no field");
            }
        }
        Set<String> roles = AccessRules.allowedRoles(method);
        boolean publicWithSecretPath = AccessRules.publicWithSecretPath(method);
        if (roles.isEmpty() && !publicWithSecretPath) {
            log.error("{} declares no (bilan.auth.v1.access) roles: every call to it is refused", method.getFullName());
        }
        HttpBinding binding = new HttpBinding(httpMethod, path, body, responseBody, method,
                backendOf(method.getService()), roles, publicWithSecretPath, fileName(method));
        boolean form = HttpMethod.POST.equals(httpMethod) && binding.takesRawBody();
        if (publicWithSecretPath && (!(HttpMethod.GET.equals(httpMethod) || form) || path.fieldPaths().isEmpty())) {
            throw new IllegalStateException(method.getFullName() + " is public_with_secret_path but neither a GET "
                    + "with the secret in its path nor a page's form (a POST whose body is one google.api.HttpBody)");
        }
        if (binding.fileName() != null && !binding.answersRawBody()) {
            throw new IllegalStateException(method.getFullName()
                    + " names a download file but answers no google.api.HttpBody");
        }
        if (binding.fileName() == null && binding.answersDownload()) {
            throw new IllegalStateException(method.getFullName()
                    + " answers a file in chunks but names no (bilan.api.v1.download_file_name)");
        }
        return binding;
    }

    /** The name the contract gives the file the RPC answers; {@code null} when it gives none. */
    private static String fileName(MethodDescriptor method) {
        String name = method.getOptions().getExtension(DownloadProto.downloadFileName);
        return name.isEmpty() ? null : name;
    }

    private static String backendOf(ServiceDescriptor service) {
        Matcher matcher = PACKAGE.matcher(service.getFile().getPackage());
        if (!matcher.matches()) {
            throw new IllegalStateException(service.getFullName() + " is not in a package bilan.<domain>.v1");
        }
        return matcher.group(1);
    }

    /**
     * What the exchange's request resolves to, resolved once per request however many ask (the
     * metrics' route tag, security, the transcoder).
     */
    public Resolution resolve(ServerWebExchange exchange) {
        return (Resolution) exchange.getAttributes().computeIfAbsent(RESOLUTION, key -> {
            ServerHttpRequest request = exchange.getRequest();
            return resolve(request.getMethod(), request.getPath().value());
        });
    }

    public Resolution resolve(HttpMethod httpMethod, String rawPath) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (HttpBinding binding : bindings) {
            Optional<Map<String, String>> variables = binding.path().match(rawPath);
            if (variables.isEmpty()) {
                continue;
            }
            if (binding.httpMethod().equals(httpMethod)) {
                return new Matched(binding, variables.get());
            }
            allowed.add(binding.httpMethod());
        }
        return allowed.isEmpty() ? new NoRoute() : new MethodNotAllowed(allowed);
    }

    public List<HttpBinding> all() {
        return bindings;
    }
}
