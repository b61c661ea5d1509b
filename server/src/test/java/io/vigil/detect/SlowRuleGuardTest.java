package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.detect.match.EventContext;
import io.vigil.detect.match.JsonEventFields;
import io.vigil.detect.match.RuleSet;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.detect.sigma.SigmaRule;

/** A rule whose check is slow on an event is found among fast ones and reported after its strikes. */
class SlowRuleGuardTest {

    /** Ten regular expressions over a long field: linear time each, but slow together on 400 KB. */
    static String slowRule() {
        StringBuilder yaml = new StringBuilder("""
                title: Slow on long command lines
                id: 00000000-0000-0000-0000-000000005100
                logsource: {}
                detection:
                  selection:
                    CommandLine|re:
                """);
        for (int i = 0; i < 10; i++) {
            yaml.append("      - '(a|b|c)+x").append(i).append("y(d|e)+z'\n");
        }
        return yaml.append("  condition: selection\n").toString();
    }

    /**
     * A long value holding the text each of the slow rule's regexes requires, so the cheap pre-check
     * lets every regex run over all of it.
     */
    static String slowValue() {
        StringBuilder value = new StringBuilder("ab".repeat(200_000));
        for (int i = 0; i < 10; i++) {
            value.append(" x").append(i).append('y');
        }
        return value.toString();
    }

    static SigmaRule parse(String yaml) {
        SigmaResult result = new SigmaParser().parseOne(yaml);
        assertThat(result).as(result.toString()).isInstanceOf(SigmaResult.Rule.class);
        return ((SigmaResult.Rule) result).rule();
    }

    @Test
    void theSlowRuleIsReportedAfterItsStrikesAndTheFastOneNever() {
        SigmaRule slow = parse(slowRule());
        SigmaRule fast = parse("""
                title: Fast
                id: 00000000-0000-0000-0000-0000000fa570
                logsource: {}
                detection:
                  selection:
                    User: root
                  condition: selection
                """);
        RuleSet set = RuleSet.of(List.of(new RuleSet.Entry("slow", slow), new RuleSet.Entry("fast", fast)));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("User", "root");
        event.put("CommandLine", slowValue());
        var fields = new JsonEventFields(event);
        var guard = new SlowRuleGuard(Duration.ofMillis(5), 2);

        assertThat(guard.examine(set, fields, List.of(EventContext.NONE), "e1")).isEmpty();
        var verdicts = guard.examine(set, fields, List.of(EventContext.NONE), "e2");
        assertThat(verdicts).extracting(SlowRuleGuard.Verdict::key).containsExactly("slow");
        assertThat(verdicts.get(0).reason()).contains("on event e2", "over the 5 ms rule timeout", "2 times");
        // reported once: the caller disables it
        assertThat(guard.examine(set, fields, List.of(EventContext.NONE), "e3")).isEmpty();
    }

    @Test
    void aFastCheckIsNotOverBudget() {
        var guard = new SlowRuleGuard(Duration.ofMillis(100), 3);
        assertThat(guard.overBudget(Duration.ofMillis(2).toNanos())).isFalse();
        assertThat(guard.overBudget(Duration.ofMillis(150).toNanos())).isTrue();
    }
}
