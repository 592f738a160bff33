package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.TestIdentityProvider;

/** What the gateway decides before any backend is called: CORS, security headers, rate limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.cors.allowed-origins=https://consultants.example.fr",
        "bilan.gateway.rate-limit.per-user=3",
        "bilan.gateway.rate-limit.period=10s",
        // the test's HTTP client is the proxy: what it forwards is believed
        "bilan.gateway.trusted-proxies=127.0.0.1/32"})
class GatewayEdgeTest {

    private static final String ORIGIN = "https://consultants.example.fr";

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayWithoutBackend.register(registry);
    }

    @Test
    void answersPreflightsFromTheConfiguredFrontEndOnly() throws Exception {
        HttpResponse<String> allowed = send(preflight(ORIGIN));
        HttpResponse<String> refused = send(preflight("https://evil.example"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertProblem(refused.headers().firstValue("Content-Type").orElse(""), refused.body(), "permission-denied");
        HttpResponse<String> refusedCall = send(get("/api/v1/beneficiaries/x", "someone-browsing")
                .header("Origin", "https://evil.example"));
        assertThat(refusedCall.statusCode()).isEqualTo(403);
        assertProblem(refusedCall.headers().firstValue("Content-Type").orElse(""), refusedCall.body(), "permission-denied");
    }

    @Test
    void answersWhatTheHttpParserRefusesWithAProblem() throws Exception {
        String tooLongLine = "GET /api/v1/beneficiaries/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        String tooLargeHeaders = "GET /api/v1/beneficiaries/x HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(20_000)
                + "\r\n\r\n";
        String notHttp = "GET /api/v1/beneficiaries/x HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n";
        String badContentLength = "POST /api/v1/beneficiaries HTTP/1.1\r\nHost: a\r\nContent-Length: -4\r\n\r\n{}";

        assertRawProblem(tooLongLine, 414, "urn:bilan:problem:uri-too-long");
        assertRawProblem(tooLargeHeaders, 431, "urn:bilan:problem:request-header-fields-too-large");
        assertRawProblem(notHttp, 400, "urn:bilan:problem:invalid-argument");
        assertRawProblem(badContentLength, 400, "urn:bilan:problem:invalid-argument");
    }

    private void assertRawProblem(String request, int status, String type) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int endOfHead = answer.indexOf("\r\n\r\n");
            assertThat(answer).as(request.substring(0, Math.min(60, request.length()))).startsWith("HTTP/1.1 " + status + " ");
            String head = answer.substring(0, endOfHead).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).contains("content-type: application/problem+json").contains("x-request-id: ");
            assertThat(answer.substring(endOfHead + 4)).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status)
                    .contains("\"correlationId\"");
        }
    }

    private static void assertProblem(String contentType, String body, String type) {
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body).contains("\"type\":\"urn:bilan:problem:" + type + "\"").contains("\"correlationId\"");
    }

    @Test
    void setsStrictSecurityHeadersAndHstsOnlyBehindTls() throws Exception {
        HttpResponse<String> plain = send(get("/api/v1/beneficiaries/x", "someone"));
        HttpResponse<String> behindTls = send(get("/api/v1/beneficiaries/x", "someone-else")
                .header("X-Forwarded-Proto", "https"));

        assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(plain.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void servesTheOpenApiDocumentAndSwaggerUiWithoutATokenUnderAStrictPolicy() throws Exception {
        HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json")));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/docs")));
        HttpResponse<String> script = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/docs/assets/swagger-ui-bundle.js")));

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\":\"3.1.0\"", "/api/v1/beneficiaries/{id}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-eval"));
        assertThat(script.statusCode()).isEqualTo(200);
    }

    @Test
    void servesSwaggerUiLoginWithItsClientItsRedirectPageAndATokenRequestToTheIssuerOnly() throws Exception {
        String issuerOrigin = URI.create(TestIdentityProvider.issuer()).resolve("/").toString().replaceAll("/$", "");
        HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/docs/init.js")));
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/docs/oauth2-redirect.html")));
        HttpResponse<String> redirectScript = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/docs/oauth2-redirect.js")));

        assertThat(init.body()).contains("clientId: \"bilan-api-docs\"", "usePkceWithAuthorizationCodeGrant: true",
                "/api/docs/oauth2-redirect.html").doesNotContain("{{clientId}}");
        // no token needed: Keycloak's redirect lands there before the page holds one
        assertThat(redirect.statusCode()).isEqualTo(200);
        assertThat(redirect.body()).contains("<script src=\"oauth2-redirect.js\">");
        assertThat(redirectScript.statusCode()).isEqualTo(200);
        assertThat(redirectScript.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(redirect.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("connect-src 'self' " + issuerOrigin + ";").contains("script-src 'self';"));
    }

    @Test
    void answers429WithRetryAfterOnceAUserSpentTheirBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(get("/api/v1/beneficiaries/x", "busy-user")).statusCode()).isEqualTo(503);
        }
        HttpResponse<String> limited = send(get("/api/v1/beneficiaries/x", "busy-user"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("10");
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(limited.body()).contains("urn:bilan:problem:resource-exhausted");
        assertThat(send(get("/api/v1/beneficiaries/x", "calm-user")).statusCode()).isEqualTo(503);
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/beneficiaries/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization");
    }

    private HttpRequest.Builder get(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("Authorization", "Bearer " + TestIdentityProvider.token(user, "consultant"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
