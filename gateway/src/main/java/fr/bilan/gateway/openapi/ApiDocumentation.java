package fr.bilan.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import fr.bilan.gateway.transcoding.ApiDescriptors;
import fr.bilan.gateway.transcoding.HttpBindings;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/openapi.json}, generated once from the descriptors, and Swagger UI at
 * {@code /api/docs}: readable without a token (they hold no data), under their own strict
 * Content-Security-Policy (scripts and styles from the gateway only). Its Authorize button signs a
 * person in with the authorization code flow and PKCE, as the realm's public client
 * {@code bilan.oidc.api-docs-client-id}: Keycloak sends the code back to
 * {@code /api/docs/oauth2-redirect.html}, and the page exchanges it at the issuer's token endpoint,
 * the one other origin its policy lets it connect to.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String OPENAPI_PATH = "/api/openapi.json";
    static final String DOCS_PATH = "/api/docs";

    @Bean
    RouterFunction<ServerResponse> apiDocumentationRoutes(ApiDescriptors descriptors, HttpBindings bindings,
            JsonMapper json, @Value("${bilan.oidc.issuer}") String issuer,
            @Value("${bilan.oidc.api-docs-client-id}") String clientId) throws IOException {
        byte[] document = json.writeValueAsBytes(OpenApiDocument.build(descriptors, bindings, issuer));
        ClassPathResource index = new ClassPathResource("docs/index.html");
        String init = new ClassPathResource("docs/init.js").getContentAsString(StandardCharsets.UTF_8)
                .replace("\"{{clientId}}\"", json.writeValueAsString(clientId));
        ClassPathResource swaggerUi = new ClassPathResource("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/");
        return RouterFunctions.route()
                .GET(OPENAPI_PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document))
                .GET(DOCS_PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .GET(DOCS_PATH + "/init.js", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript")).bodyValue(init))
                // where Keycloak sends the code back; its script (no inline one) hands it to the docs page
                .GET(DOCS_PATH + "/oauth2-redirect.html", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .bodyValue(swaggerUi.createRelative("oauth2-redirect.html")))
                .GET(DOCS_PATH + "/oauth2-redirect.js", request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript"))
                        .bodyValue(swaggerUi.createRelative("oauth2-redirect.js")))
                .build()
                .and(RouterFunctions.resources(DOCS_PATH + "/assets/**", swaggerUi));
    }

    @Bean
    @Order(0)
    SecurityWebFilterChain apiDocumentationSecurity(ServerHttpSecurity http, @Value("${bilan.oidc.issuer}") String issuer) {
        // the page exchanges the code for a token at the issuer, and calls the API on its own origin
        String connect = "'self' " + origin(issuer);
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(OPENAPI_PATH, DOCS_PATH, DOCS_PATH + "/**"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "connect-src " + connect + "; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                                + "form-action 'none'")))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** {@code scheme://host[:port]} of an absolute URL. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocumentation.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
