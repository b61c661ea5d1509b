package io.vigil.detect.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

class CorrelationSetTest {

    private static Map<String, SigmaCorrelation> correlations(String yaml) {
        Map<String, SigmaCorrelation> byId = new LinkedHashMap<>();
        for (SigmaResult r : new SigmaParser().parse(yaml)) {
            SigmaCorrelation c = ((SigmaResult.Correlation) r).correlation();
            byId.put(c.id(), c);
        }
        return byId;
    }

    private static String correlation(String id, String name, String... rules) {
        return "title: " + id + "\nid: " + id + (name == null ? "" : "\nname: " + name)
                + "\ncorrelation: {type: event_count, rules: [" + String.join(", ", rules)
                + "], group-by: [u], timespan: 1m, condition: {gte: 2}}\n";
    }

    @Test
    void referencesResolveByIdOrNameAndChainsComeAfterWhatTheyChain() {
        var set = CorrelationSet.of(correlations(correlation("outer", null, "inner_name", "d-1") + "---\n"
                + correlation("inner", "inner_name", "failed")), ref -> switch (ref) {
                    case "failed" -> Optional.of("d-2");
                    case "d-1" -> Optional.of("d-1");
                    default -> Optional.empty();
                });
        assertThat(set.refused()).isEmpty();
        assertThat(set.order()).extracting(CorrelationSet.Compiled::id).containsExactly("inner", "outer");
        assertThat(set.order().get(1).ruleIds()).containsExactly("inner", "d-1");
        assertThat(set.uses("d-2")).extracting(u -> u.correlation().id()).containsExactly("inner");
        assertThat(set.uses("inner")).extracting(u -> u.correlation().id()).containsExactly("outer");
    }

    @Test
    void unknownRulesAndCyclesAreRefusedWithTheReason() {
        var set = CorrelationSet.of(correlations(correlation("a", null, "b") + "---\n" + correlation("b", null, "a")
                + "---\n" + correlation("lost", null, "nowhere") + "---\n" + correlation("after", null, "lost")
                + "---\n" + correlation("fine", null, "d")),
                ref -> ref.equals("d")
                        ? Optional.of("d")
                        : Optional.empty());
        assertThat(set.order()).extracting(CorrelationSet.Compiled::id).containsExactly("fine");
        assertThat(set.refused()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("lost");
            assertThat(r.feature()).isEqualTo("correlation:unknown-rule");
            assertThat(r.path()).isEqualTo("correlation.rules[0]");
            assertThat(r.message()).contains("'nowhere'");
        });
        assertThat(set.refused()).anySatisfy(r -> {
            assertThat(r.feature()).isEqualTo("correlation:cycle");
            assertThat(r.message()).contains("a → b → a");
        });
        assertThat(set.refused()).extracting(CorrelationSet.Refusal::id).contains("a", "b", "after");
    }
}
