package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadInputTest {

    private final SigmaParser parser = new SigmaParser();

    private SigmaError refused(String yaml) {
        SigmaResult result = parser.parseOne(yaml);
        assertThat(result).as("refused: %s", result).isInstanceOf(SigmaError.class);
        return (SigmaError) result;
    }

    private static String rule(String detection) {
        return """
                title: bad rule
                id: 11111111-0000-4000-8000-000000000000
                logsource: {product: test}
                detection:
                """ + detection;
    }

    @Test
    void invalidYaml() {
        SigmaError e = refused("title: [unclosed\nlogsource: {");
        assertThat(e.feature()).isEqualTo("yaml:syntax");
        assertThat(e.path()).startsWith("line ");
    }

    @Test
    void syntaxErrorInAStreamKeepsTheDocumentsBeforeIt() {
        var results = parser.parse(rule("""
                    selection:
                        A: x
                    condition: selection
                """) + "---\ntitle: broken\nlogsource: [\n");
        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(SigmaResult.Rule.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(SigmaError.class, e -> {
            assertThat(e.documentIndex()).isEqualTo(1);
            assertThat(e.feature()).isEqualTo("yaml:syntax");
        });
    }

    @Test
    void unknownModifierNamesRulePlaceAndFeature() {
        SigmaError e = refused(rule("""
                    selection:
                        CommandLine|contains|foo: x
                    condition: selection
                """));
        assertThat(e.feature()).isEqualTo("modifier:foo");
        assertThat(e.path()).isEqualTo("detection.selection.CommandLine|contains|foo");
        assertThat(e.title()).isEqualTo("bad rule");
        assertThat(e.id()).isEqualTo("11111111-0000-4000-8000-000000000000");
    }

    @Test
    void conditionNamingAMissingSelection() {
        SigmaError e = refused(rule("""
                    selection:
                        A: x
                    condition: selection and not filter
                """));
        assertThat(e.feature()).isEqualTo("condition:unknown-search");
        assertThat(refused(rule("""
                    selection:
                        A: x
                    condition: 1 of filter_*
                """)).feature()).isEqualTo("condition:unknown-search");
    }

    @Test
    void conditionSyntaxAndAggregations() {
        assertThat(refused(rule("""
                    selection:
                        A: x
                    condition: (selection
                """)).feature()).isEqualTo("condition:syntax");
        assertThat(refused(rule("""
                    selection:
                        A: x
                    condition: selection | count() > 5
                """)).feature()).isEqualTo("condition:aggregation");
    }

    @Test
    void missingPartsAndWrongShapes() {
        assertThat(refused("logsource: {product: x}\ndetection: {a: {A: 1}, condition: a}\n").feature())
                .isEqualTo("rule:missing-title");
        assertThat(refused("title: t\nlogsource: {product: x}\n").feature()).isEqualTo("rule:missing-detection");
        assertThat(refused(rule("""
                    selection:
                        A:
                            nested: map
                    condition: selection
                """)).feature()).isEqualTo("detection:nested-value");
        assertThat(refused("- just\n- a list\n").feature()).isEqualTo("yaml:not-a-mapping");
    }

    @Test
    void invalidModifierCombinations() {
        assertThat(refused(rule("""
                    selection:
                        A|re|contains: x
                    condition: selection
                """)).feature()).isEqualTo("modifier:invalid-combination");
        assertThat(refused(rule("""
                    selection:
                        A|exists: maybe
                    condition: selection
                """)).feature()).isEqualTo("modifier:exists");
        assertThat(refused(rule("""
                    selection:
                        A|gt: ten
                    condition: selection
                """)).feature()).isEqualTo("modifier:numeric-value");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(refused(rule("""
                    selection:
                        A: x
                        A: y
                    condition: selection
                """)).feature()).isEqualTo("yaml:duplicate-key");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "title: deep\nx: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertThat(refused(deep).feature()).isEqualTo("yaml:too-deep");
        String deepCondition = rule("""
                    s:
                        A: x
                    condition: %s s %s
                """.formatted("(".repeat(1_000), ")".repeat(1_000)));
        assertThat(refused(deepCondition).feature()).isEqualTo("condition:too-deep");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("title: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        SigmaError e = refused(yaml.toString());
        assertThat(e.feature()).isIn("yaml:too-many-aliases", "yaml:too-large");
    }

    @Test
    void recursiveAliasIsRefused() {
        assertThat(refused("title: loop\na: &a [*a]\n").feature()).startsWith("yaml:");
    }

    @Test
    void oversizedDocumentIsRefused() {
        String huge = "title: big\ndescription: '" + "x".repeat(7 * 1024 * 1024) + "'\n";
        assertThat(refused(huge).feature()).isEqualTo("yaml:too-large");
    }
}
