package fr.bilan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.protobuf.util.JsonFormat;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;

/** Through the gateway's REST API, as the web front-end calls it: JSON over HTTP/1.1 keep-alive. */
final class GatewayApi implements BeneficiaryApi {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    GatewayApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    @Override
    public String create(Beneficiary beneficiary) throws IOException, InterruptedException {
        String body = JsonFormat.printer().omittingInsignificantWhitespace().print(beneficiary);
        HttpRequest request = request("/api/v1/beneficiaries").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Beneficiary.Builder created = Beneficiary.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(send(request), created);
        return created.getId();
    }

    @Override
    public ListBeneficiariesResponse list(ListBeneficiariesRequest query) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/api/v1/centres/").append(query.getCentreId())
                .append("/beneficiaries?pageSize=").append(query.getPageSize())
                .append("&namePrefix=").append(encode(query.getNamePrefix()));
        query.getEmploymentStatusesList().forEach(status -> path.append("&employmentStatuses=").append(status.name()));
        if (!query.getPageToken().isEmpty()) {
            path.append("&pageToken=").append(encode(query.getPageToken()));
        }
        ListBeneficiariesResponse.Builder page = ListBeneficiariesResponse.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(send(request(path.toString()).GET().build()), page);
        return page.build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // the JDK client has no close before Java 21; its connections die with the process
    }
}
