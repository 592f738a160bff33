package fr.bilan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.bilan.support.testing.TestIdentityProvider;

/**
 * Thousands of generated malformed requests, written as raw HTTP so that nothing on the client
 * side repairs them, through the gateway to the real beneficiary-service: every answer is a 4xx
 * problem, none is a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bilan.gateway.rate-limit.per-user=100000", "bilan.gateway.rate-limit.per-client-ip=100000"})
class BadInputSuiteTest extends WithBeneficiaryService {

    private static final int PER_KIND = 250;
    private static final String VALID = "{\"centreId\":\"centre-lyon\",\"givenName\":\"Élodie\","
            + "\"familyName\":\"Durand\",\"email\":\"elodie.durand@example.fr\",\"employmentStatus\":\"JOB_SEEKER\"}";

    /** Characters no text field takes (JSON escapes), and line breaks and tabs no name takes. */
    private static final String[] CONTROLS = {"\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\r", "\\ud800", "\\n",
            "\\t", "\\r\\n"};
    private static final String[] IMPOSSIBLE_TIMES = {"2026-13-45T00:00:00Z", "2027-02-30T00:00:00Z",
            "2027-01-01T99:99:99Z", "2027-1-1T10:00:00Z", "9999-12-31T23:59:59-01:00", "2027-01-01T10:00:00%2B25:00"};
    private static final String[] CONTENT_TYPES = {"application/json, text/plain", "text/plain, application/json",
            "application/json; charset=iso-8859-1", "application/json\r\nContent-Type: text/plain",
            "/", "application/"};
    /** What protobuf's and Jackson's parsers say, which must never reach a person. */
    private static final java.util.regex.Pattern ENGLISH_PARSER_TEXT = java.util.regex.Pattern.compile(
            "(?i)failed to parse|has already been set|cannot find field|invalid (enum|timestamp|duration|value|utf)"
                    + "|expected|out of range|not a valid|exception|unexpected character");

    @LocalServerPort
    private int port;

    private final Random random = new Random(20261123);
    private final String token = TestIdentityProvider.token("fuzzer", java.util.List.of("centre-lyon"), "consultant");

    @Test
    void everyMalformedRequestGetsAClientProblemAndNeverA5xx() throws Exception {
        Map<String, Supplier<byte[]>> kinds = new LinkedHashMap<>();
        kinds.put("truncated JSON", () -> post(utf8(VALID.substring(0, random.nextInt(VALID.length() - 1))), "application/json"));
        kinds.put("deeply nested JSON", () -> post(utf8(nested(1 + random.nextInt(5000))), "application/json"));
        kinds.put("wrong types", () -> post(utf8(wrongType()), "application/json"));
        kinds.put("huge strings and numbers", () -> post(utf8(huge()), "application/json"));
        kinds.put("unknown fields", () -> post(utf8(VALID.replace("}", ",\"f" + random.nextInt(1000) + "\":1}")), "application/json"));
        kinds.put("invalid UTF-8", () -> post(invalidUtf8(), "application/json"));
        kinds.put("bad path variables and queries", () -> raw("GET", badPath(), "", new byte[0]));
        kinds.put("wrong content types and methods", this::wrongContentTypeOrMethod);
        kinds.put("control characters", () -> post(utf8(VALID.replace("Élodie",
                "Élo" + CONTROLS[random.nextInt(CONTROLS.length)] + "die")), "application/json"));
        kinds.put("overlong UTF-8", () -> post(overlongUtf8(), "application/json"));
        kinds.put("values the JSON mapping refuses", () -> post(utf8(refusedValue()), "application/json"));
        kinds.put("impossible dates", () -> raw("GET", "/api/v1/beneficiaries/x/accessRecords?startTime="
                + IMPOSSIBLE_TIMES[random.nextInt(IMPOSSIBLE_TIMES.length)], "", new byte[0]));
        kinds.put("content types that are no single JSON type", () -> post(utf8(VALID),
                CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]));
        kinds.put("body fields repeating the path", () -> raw("PATCH", "/api/v1/beneficiaries/x", "application/json",
                utf8("{\"id\":" + new String[] {"{\"$gt\":\"\"}", "12", "\"y\"", "[\"x\"]",
                        "\"" + "x".repeat(random.nextInt(100_000)) + "\""}[random.nextInt(5)] + "}")));
        kinds.put("oversized bodies", () -> post(utf8("{\"centreId\":\"" + "x".repeat(1_048_577 + random.nextInt(1000)) + "\"}"),
                "application/json"));

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var kind : kinds.entrySet()) {
            int count = kind.getKey().equals("oversized bodies") ? 20 : PER_KIND;
            for (int i = 0; i < count; i++) {
                byte[] request = kind.getValue().get();
                Response response = exchange(request);
                sent++;
                if (response.status() < 400 || response.status() >= 500
                        || !response.contentType().startsWith("application/problem+json")
                        || !response.body().contains("\"correlationId\"")
                        || ENGLISH_PARSER_TEXT.matcher(response.body()).find()) {
                    failures.add(kind.getKey() + " -> " + response.status() + " " + response.contentType() + " "
                            + abbreviate(response.body()) + " for " + abbreviate(new String(request, StandardCharsets.ISO_8859_1)));
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(2000);
        assertThat(failures).as("answers that are not a 4xx problem in French").isEmpty();
    }

    private String nested(int depth) {
        String open = random.nextBoolean() ? "{\"a\":" : "[";
        return "{\"centreId\":" + open.repeat(depth) + "1";
    }

    private String wrongType() {
        String[] fields = {"centreId", "givenName", "familyName", "email"};
        String[] values = {"123", "true", "[]", "{}", "[\"a\"]", "1.5e3", "{\"x\":{}}", "-0"};
        return VALID.replaceFirst("\"" + fields[random.nextInt(fields.length)] + "\":\"[^\"]*\"",
                "\"" + fields[random.nextInt(fields.length)] + "\":" + values[random.nextInt(values.length)]);
    }

    private String huge() {
        return switch (random.nextInt(4)) {
            case 0 -> VALID.replace("Élodie", "É".repeat(1000 + random.nextInt(200_000)));
            case 1 -> VALID.replace("\"centreId\":\"centre-lyon\"", "\"centreId\":1" + "0".repeat(random.nextInt(5000)));
            case 2 -> VALID.replace("\"centreId\":\"centre-lyon\"", "\"centreId\":1e" + random.nextInt(1_000_000));
            default -> VALID.replace("elodie.durand@example.fr", "a".repeat(300 + random.nextInt(5000)) + "@example.fr");
        };
    }

    private byte[] invalidUtf8() {
        byte[] valid = utf8(VALID);
        byte[] broken = valid.clone();
        int at = 2 + random.nextInt(valid.length - 4);
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x28, (byte) 0x8C}, {0}};
        byte[] insert = bad[random.nextInt(bad.length)];
        System.arraycopy(insert, 0, broken, at, Math.min(insert.length, broken.length - at));
        return broken;
    }

    private String badPath() {
        String[] ids = {"%ZZ", "%", "%00", "a%2", "..%2F..%2Fetc%2Fpasswd", "%C3%28", "x".repeat(2000 + random.nextInt(1500)),
                "%F0%9F%98%80", "a;b=c", "\u00e9"};
        String[] queries = {"", "?page_size=abc", "?unknown=1", "?id=x&id=y", "?%ZZ=1", "?requestId=" + "r".repeat(100),
                "?beneficiary.email=x", "?=", "?&&&"};
        String base = random.nextBoolean() ? "/api/v1/beneficiaries/" : "/api/v1/beneficiaries/x/";
        return base + ids[random.nextInt(ids.length)] + queries[random.nextInt(queries.length)];
    }

    private byte[] wrongContentTypeOrMethod() {
        String[] types = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/octet-stream", "image/png"};
        return switch (random.nextInt(3)) {
            case 0 -> post(utf8(VALID), types[random.nextInt(types.length)]);
            case 1 -> raw(new String[] {"PUT", "DELETE", "PATCH"}[random.nextInt(3)], "/api/v1/beneficiaries", "application/json", utf8(VALID));
            default -> raw("GET", "/api/v1/beneficiaries/x", "application/json", utf8("{\"id\":\"x\"}"));
        };
    }

    private byte[] overlongUtf8() {
        byte[][] overlong = {{(byte) 0xC0, (byte) 0xAE}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAE},
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAE}, {(byte) 0xC1, (byte) 0xBF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        String[] parts = VALID.split("Élodie");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8(parts[0] + "Élo"));
        body.writeBytes(overlong[random.nextInt(overlong.length)]);
        body.writeBytes(utf8("die" + parts[1]));
        return body.toByteArray();
    }

    private String refusedValue() {
        String[] edits = {"\"employmentStatus\":\"NOPE\"", "\"employmentStatus\":7", "\"employmentStatus\":\"job_seeker\"",
                "\"given_name\":\"Élodie\"", "\"createTime\":\"2027-02-30T00:00:00Z\"", "\"createTime\":\"hier\"",
                "\"createTime\":\"2027-01-01T99:99:99Z\"", "\"updateTime\":\"10000-01-01T00:00:00Z\"",
                "\"employmentStatus\":null,\"employment_status\":\"JOB_SEEKER\"", "\"employmentStatus\":\"JOB_SEEKER\",\"consultantIds\":[null]"};
        String edit = edits[random.nextInt(edits.length)];
        return edit.startsWith("\"employmentStatus\"") ? VALID.replace("\"employmentStatus\":\"JOB_SEEKER\"", edit)
                : VALID.replace("}", "," + edit + "}");
    }

    private byte[] post(byte[] body, String contentType) {
        return raw("POST", "/api/v1/beneficiaries", contentType, body);
    }

    private byte[] raw(String method, String path, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + (contentType.isEmpty() ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private record Response(int status, String contentType, String body) {
    }

    private Response exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // an oversized body may be refused before it is all sent; the answer is still read
            }
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHead = text.indexOf("\r\n\r\n");
            String head = endOfHead < 0 ? text : text.substring(0, endOfHead);
            String[] lines = head.split("\r\n");
            int status = lines.length > 0 && lines[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
            String contentType = "";
            for (String line : lines) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            return new Response(status, contentType, endOfHead < 0 ? "" : text.substring(endOfHead + 4));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
