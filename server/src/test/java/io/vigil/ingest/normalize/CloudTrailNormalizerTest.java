package io.vigil.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;
import io.vigil.ingest.parse.Item;

class CloudTrailNormalizerTest {

    private static JsonNode records;
    private final CloudTrailNormalizer normalizer = new CloudTrailNormalizer();
    private final IngestContext context = new IngestContext("trail", SourceType.CLOUDTRAIL,
            Instant.parse("2026-11-21T00:00:00Z"));

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CloudTrailNormalizerTest.class
                .getResourceAsStream("/fixtures/ingest/cloudtrail-file.json")) {
            records = new ObjectMapper().readTree(in).get("Records");
        }
    }

    private NormalizedEvent normalize(int index) throws NormalizationException {
        JsonNode record = records.get(index).deepCopy();
        return normalizer.normalize(new Item.Json(index + 1, record, record.toString()), context);
    }

    @Test
    void anIamUsersCallGetsEcsFieldsBesideItsNativeOnes() throws NormalizationException {
        NormalizedEvent event = normalize(0);
        JsonNode doc = event.merged();

        assertThat(event.id()).isEqualTo("9a4b7c10-0000-4000-8000-000000000001");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-20T08:15:02Z"));
        assertThat(doc.path("eventName").asText()).isEqualTo("CreateAccessKey");
        assertThat(doc.path("requestParameters").path("userName").asText()).isEqualTo("bob");
        assertThat(doc.path("event").path("action").asText()).isEqualTo("CreateAccessKey");
        assertThat(doc.path("event").path("provider").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(doc.path("event").path("outcome").asText()).isEqualTo("success");
        assertThat(doc.path("source").path("ip").asText()).isEqualTo("198.51.100.23");
        assertThat(doc.path("user").path("name").asText()).isEqualTo("alice");
        assertThat(doc.path("cloud").path("provider").asText()).isEqualTo("aws");
        assertThat(doc.path("cloud").path("region").asText()).isEqualTo("us-east-1");
        assertThat(doc.path("cloud").path("account").path("id").asText()).isEqualTo("111122223333");
        assertThat(doc.path("user_agent").path("original").asText()).startsWith("aws-cli/");
        assertThat(doc.path("related").path("ip").get(0).asText()).isEqualTo("198.51.100.23");
        assertThat(doc.path("vigil").path("source").asText()).isEqualTo("trail");
        assertThat(doc.path("event").path("ingested").asText()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(doc.path("event").path("original").asText()).contains("CreateAccessKey");
    }

    @Test
    void aFailedCallByAnAssumedRoleNamesTheRoleAndTheFailure() throws NormalizationException {
        JsonNode doc = normalize(1).merged();
        assertThat(doc.path("event").path("outcome").asText()).isEqualTo("failure");
        assertThat(doc.path("user").path("name").asText()).isEqualTo("deployer");
        assertThat(doc.path("source").path("ip").asText()).as("leading zeros read as decimal").isEqualTo("203.0.113.7");
        assertThat(doc.path("sourceIPAddress").asText()).as("native value unchanged").isEqualTo("203.0.113.007");
    }

    @Test
    void anAwsServiceCallerIsADomainNotAnIp() throws NormalizationException {
        JsonNode doc = normalize(2).merged();
        assertThat(doc.path("source").has("ip")).isFalse();
        assertThat(doc.path("source").path("domain").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(doc.path("user").path("name").asText()).isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void aRecordWithoutEventNameOrTimeIsRefusedWithTheReason() {
        var json = new ObjectMapper().createObjectNode().put("eventName", "X").put("eventTime", "yesterday");
        assertThatThrownBy(() -> normalizer.normalize(new Item.Json(1, json, json.toString()), context))
                .hasMessage("CloudTrail record without a valid eventTime");
        var empty = new ObjectMapper().createObjectNode();
        assertThatThrownBy(() -> normalizer.normalize(new Item.Json(1, empty, "{}"), context))
                .hasMessage("not a CloudTrail record: no eventName");
    }

    private JsonNode normalizeJson(String json) throws Exception {
        JsonNode record = new ObjectMapper().readTree(json);
        return normalizer.normalize(new Item.Json(1, record, json), context).merged();
    }

    /** A console sign-in as AWS writes it: the outcome in responseElements, no errorCode. */
    private static String signIn(String eventName, String outcome, String errorMessage) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"alice\"},"
                + "\"eventTime\":\"2026-11-20T08:00:00Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113.66\",\"userAgent\":\"Mozilla/5.0\","
                + (errorMessage == null ? "" : "\"errorMessage\":\"" + errorMessage + "\",")
                + "\"requestParameters\":null,\"responseElements\":{\"" + eventName + "\":\"" + outcome + "\"},"
                + "\"eventID\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"AwsConsoleSignIn\","
                + "\"recipientAccountId\":\"111122223333\"}";
    }

    @Test
    void aFailedConsoleLoginIsAFailedAuthenticationThoughItHasNoErrorCode() throws Exception {
        JsonNode event = normalizeJson(signIn("ConsoleLogin", "Failure", "Failed authentication")).path("event");
        assertThat(event.path("outcome").asText()).isEqualTo("failure");
        assertThat(event.path("category").asText()).isEqualTo("authentication");
        assertThat(event.path("type").asText()).isEqualTo("start");

        JsonNode success = normalizeJson(signIn("ConsoleLogin", "Success", null)).path("event");
        assertThat(success.path("outcome").asText()).isEqualTo("success");
        assertThat(success.path("category").asText()).isEqualTo("authentication");
    }

    @Test
    void everySignInEventTakesItsOutcomeFromItsOwnAnswer() throws Exception {
        assertThat(outcomeAndType(signIn("CheckMfa", "Failure", "Failed authentication")))
                .containsExactly("failure", "info");
        assertThat(outcomeAndType(signIn("SwitchRole", "Success", null))).containsExactly("success", "start");
        assertThat(outcomeAndType(signIn("ExitRole", "Success", null))).containsExactly("success", "end");
        assertThat(outcomeAndType(signIn("GetSigninToken", "Failure", null))).containsExactly("failure", "start");
    }

    private java.util.List<String> outcomeAndType(String record) throws Exception {
        JsonNode event = normalizeJson(record).path("event");
        return java.util.List.of(event.path("outcome").asText(), event.path("type").asText());
    }

    @Test
    void anErrorMessageWithoutErrorCodeIsAFailureAndAnApiCallIsNoSignIn() throws Exception {
        String call = signIn("ListUsers", "x", "User is not authorized").replace("signin.amazonaws.com",
                "iam.amazonaws.com").replace("AwsConsoleSignIn", "AwsApiCall").replace("{\"ListUsers\":\"x\"}", "null");
        JsonNode event = normalizeJson(call).path("event");
        assertThat(event.path("outcome").asText()).isEqualTo("failure");
        assertThat(event.has("category")).isFalse();
    }
}
