package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import tools.jackson.databind.JsonNode;

/**
 * The platform's flows over HTTP through the gateway, with tokens from the real Keycloak and the
 * realm's demo users, every service on a MongoDB replica set and the S3-compatible store. Skipped
 * (not failed) where there is no Docker.
 */
class PlatformOnRealServersTest extends PlatformTestSupport {

    @Test
    void createsABeneficiaryAndABilanAndReadsThemBack() throws Exception {
        String consultant = RealServers.token(KEYCLOAK, "consultant");
        JsonNode beneficiary = createBeneficiary(consultant);
        String beneficiaryId = beneficiary.get("id").asString();

        HttpResponse<String> read = send(consultant, "GET", "/api/v1/beneficiaries/" + beneficiaryId, null);
        HttpResponse<String> created = send(consultant, "POST", "/api/v1/assessments",
                "{\"beneficiaryId\":\"" + beneficiaryId + "\",\"format\":\"ON_SITE\"}");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(beneficiary);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode assessment = JSON.readTree(created.body());
        String assessmentId = assessment.get("id").asString();
        assertThat(assessment.get("centreId").asString()).isEqualTo(CENTRE);

        HttpResponse<String> again = send(consultant, "GET", "/api/v1/assessments/" + assessmentId, null);
        HttpResponse<String> synthesis = send(consultant, "GET", "/api/v1/assessments/" + assessmentId + "/synthesis", null);
        HttpResponse<String> schedule = send(consultant, "GET", "/api/v1/assessments/" + assessmentId + "/retentionSchedule", null);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("beneficiaryId").asString()).isEqualTo(beneficiaryId);
        // the draft synthèse, the session-service check of the caller made with the caller's token
        assertThat(synthesis.statusCode()).as(synthesis.body()).isEqualTo(200);
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
    }

    @Test
    void keepsTheConsentLedgerInOrder() throws Exception {
        String consultant = RealServers.token(KEYCLOAK, "consultant");
        String beneficiaryId = createBeneficiary(consultant).get("id").asString();
        String ledger = "/api/v1/beneficiaries/" + beneficiaryId + "/consentRecords";
        String evidence = "0".repeat(64);

        HttpResponse<String> participation = send(consultant, "POST", ledger, """
                {"kind":"PARTICIPATION","decision":"GRANTED","method":"SIGNED_FORM","evidenceSha256":"%s"}"""
                .formatted(evidence));
        HttpResponse<String> followUp = send(consultant, "POST", ledger, """
                {"kind":"FOLLOW_UP_RETENTION","decision":"GRANTED","method":"SIGNED_FORM","evidenceSha256":"%s"}"""
                .formatted(evidence));
        HttpResponse<String> withdrawn = send(consultant, "POST", ledger, """
                {"kind":"FOLLOW_UP_RETENTION","decision":"WITHDRAWN","method":"SIGNED_FORM","evidenceSha256":"%s"}"""
                .formatted(evidence));

        assertThat(participation.statusCode()).as(participation.body()).isEqualTo(200);
        assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(200);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        JsonNode records = JSON.readTree(send(consultant, "GET", ledger, null).body()).get("consentRecords");
        assertThat(records.valueStream().map(record -> record.get("sequence").asString())).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(JSON.readTree(send(consultant, "GET", ledger + ":check?kind=PARTICIPATION", null).body())
                .get("granted").asBoolean()).isTrue();
        JsonNode followUpCheck = JSON.readTree(send(consultant, "GET", ledger + ":check?kind=FOLLOW_UP_RETENTION", null).body());
        assertThat(followUpCheck.path("granted").asBoolean(false)).isFalse();
    }

    @Test
    void runsAPurgeAndTheCentresCertificatesVerify() throws Exception {
        JsonNode purge = purge();
        HttpResponse<String> verified = send(RealServers.token(KEYCLOAK, "auditor"), "GET",
                "/api/v1/centres/" + CENTRE + "/destructionCertificates:verify", null);

        assertThat(purge.get("state").asString()).as(purge.toString()).isEqualTo("SUCCEEDED");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void synthesisServiceMadeItsBucketInTheRealStore() throws Exception {
        MinioClient store = MinioClient.builder().endpoint(RealServers.s3Endpoint(S3))
                .credentials(RealServers.S3_ACCESS_KEY, RealServers.S3_SECRET_KEY).build();

        assertThat(store.bucketExists(BucketExistsArgs.builder().bucket("bilan-synthesis").build())).isTrue();
    }

    @Test
    void refusesATokenTheRealmDidNotSign() throws Exception {
        HttpResponse<String> response = send("garbage", "GET", "/api/v1/beneficiaries/x", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
