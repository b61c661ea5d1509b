package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SigmaParserTest {

    private final SigmaParser parser = new SigmaParser();

    private static final String RULE = """
            title: Suspicious shell
            id: 5f1e2a3b-0000-4000-8000-000000000042
            status: test
            level: high
            description: A shell started by a web server
            author: Vigil tests
            references:
                - https://example.org/shell
            tags:
                - attack.execution
                - attack.t1059
            logsource:
                category: process_creation
                product: linux
            detection:
                selection:
                    ParentImage|endswith: '/nginx'
                    Image|endswith:
                        - '/sh'
                        - '/bash'
                condition: selection
            falsepositives:
                - admin debugging
            """;

    @Test
    void readsMetadataAndDetection() {
        SigmaRule rule = ((SigmaResult.Rule) parser.parseOne(RULE)).rule();
        assertThat(rule.id()).isEqualTo("5f1e2a3b-0000-4000-8000-000000000042");
        assertThat(rule.title()).isEqualTo("Suspicious shell");
        assertThat(rule.level()).isEqualTo("high");
        assertThat(rule.status()).isEqualTo("test");
        assertThat(rule.tags()).containsExactly("attack.execution", "attack.t1059");
        assertThat(rule.references()).hasSize(1);
        assertThat(rule.falsepositives()).containsExactly("admin debugging");
        assertThat(rule.logsource()).isEqualTo(new SigmaRule.LogSource("linux", "process_creation", null, null));
        assertThat(rule.yaml()).isEqualTo(RULE);
        assertThat(rule.detection().condition()).isEqualTo(new Condition.Ref("selection"));
        assertThat(rule.detection().searches().get("selection")).isInstanceOfSatisfying(Search.AllOf.class,
                all -> assertThat(all.parts()).hasSize(2));
    }

    @Test
    void multiDocumentStreamGivesOneResultPerDocument() {
        String stream = RULE + "---\n" + RULE.replace("condition: selection", "condition: selection and missing")
                + "---\n" + """
                        title: Many failed logins
                        name: many_failed_logins
                        correlation:
                            type: event_count
                            rules:
                                - failed_login
                            group-by:
                                - User
                            timespan: 5m
                            condition:
                                gte: 10
                        """;
        List<SigmaResult> results = parser.parse(stream);
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOfSatisfying(SigmaResult.Rule.class,
                r -> assertThat(r.rule().yaml()).isEqualTo(RULE));
        assertThat(results.get(1)).isInstanceOfSatisfying(SigmaError.class, e -> {
            assertThat(e.documentIndex()).isEqualTo(1);
            assertThat(e.feature()).isEqualTo("condition:unknown-search");
            assertThat(e.path()).isEqualTo("detection.condition");
            assertThat(e.title()).isEqualTo("Suspicious shell");
            assertThat(e.message()).contains("missing");
        });
        assertThat(results.get(2)).isInstanceOfSatisfying(SigmaResult.Correlation.class, c -> {
            assertThat(c.correlation().type()).isEqualTo(CorrelationType.EVENT_COUNT);
            assertThat(c.correlation().rules()).containsExactly("failed_login");
            assertThat(c.correlation().name()).isEqualTo("many_failed_logins");
            assertThat(c.correlation().yaml()).startsWith("title: Many failed logins").endsWith("gte: 10\n");
        });
    }

    @Test
    void filtersCompileIntoTheAst() {
        SigmaResult result = parser.parseOne("""
                title: Admin accounts are expected
                logsource:
                    category: process_creation
                    product: windows
                filter:
                    rules:
                        - 5f1e2a3b-0000-4000-8000-000000000042
                    selection:
                        User|startswith: 'adm_'
                    condition: selection
                """);
        assertThat(result).isInstanceOfSatisfying(SigmaResult.Filter.class, f -> {
            assertThat(f.filter().rules()).containsExactly("5f1e2a3b-0000-4000-8000-000000000042");
            assertThat(f.filter().detection().searches()).containsKey("selection");
        });
    }

    @Test
    void yamlScalarsKeepTheirSigmaMeaning() {
        SigmaRule rule = ((SigmaResult.Rule) parser.parseOne("""
                title: scalars
                logsource: {product: test}
                detection:
                    sel:
                        EventID: 4624
                        Enabled: true
                        Name: null
                    condition: sel
                """)).rule();
        var parts = ((Search.AllOf) rule.detection().searches().get("sel")).parts();
        assertThat(((Search.FieldTest) parts.get(0)).test()).isInstanceOf(ValueTest.NumberEquals.class);
        assertThat(((Search.FieldTest) parts.get(1)).test())
                .isEqualTo(new ValueTest.StringMatch(ValueTest.StringOp.EQUALS, "true", false));
        assertThat(((Search.FieldTest) parts.get(2)).test()).isInstanceOf(ValueTest.IsNull.class);
    }

    @Test
    void detectionListsTheFieldsItTests() {
        SigmaRule rule = ((SigmaResult.Rule) parser.parseOne(RULE)).rule();
        assertThat(rule.detection().fields()).containsExactly("Image", "ParentImage");
        assertThat(rule.detection().hasKeywords()).isFalse();
    }
}
