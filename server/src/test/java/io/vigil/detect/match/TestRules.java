package io.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/** Small helpers: a rule from a detection block, an event from JSON. */
final class TestRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRules() {
    }

    /** A rule around the given detection lines (indented by four spaces already). */
    static RuleMatcher rule(String detection) {
        return rule(detection, Map.of());
    }

    static RuleMatcher rule(String detection, Map<String, List<String>> placeholders) {
        String yaml = """
                title: test rule
                id: 00000000-0000-4000-8000-000000000001
                logsource:
                    product: test
                detection:
                """ + detection;
        SigmaResult result = new SigmaParser(placeholders).parseOne(yaml);
        assertThat(result).as("compiles: %s", result).isInstanceOf(SigmaResult.Rule.class);
        return RuleMatcher.of(((SigmaResult.Rule) result).rule());
    }

    static EventFields event(String json) {
        try {
            return new JsonEventFields(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static boolean matches(RuleMatcher rule, String json) {
        return rule.matches(event(json));
    }
}
