package io.vigil.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CorrelationCompilerTest {

    private final SigmaParser parser = new SigmaParser();

    private SigmaCorrelation compiled(String yaml) {
        SigmaResult result = parser.parseOne(yaml);
        assertThat(result).isInstanceOf(SigmaResult.Correlation.class);
        return ((SigmaResult.Correlation) result).correlation();
    }

    private SigmaError refused(String yaml) {
        SigmaResult result = parser.parseOne(yaml);
        assertThat(result).isInstanceOf(SigmaError.class);
        return (SigmaError) result;
    }

    @Test
    void everyPartOfACorrelationIsRead() {
        SigmaCorrelation c = compiled("""
                title: Failed logins from many users
                id: 0e95725d-7320-415d-80f7-004da920fc12
                name: spray
                level: high
                tags: [attack.t1110.003]
                correlation:
                    type: value_count
                    rules: [failed_login, 5638f7c0-ac70-491d-8465-2a65075e0d86]
                    group-by: [ComputerName, WorkstationName]
                    timespan: 1d
                    generate: true
                    condition:
                        field: User
                        gt: 100
                        lte: 200
                """);
        assertThat(c.type()).isEqualTo(CorrelationType.VALUE_COUNT);
        assertThat(c.name()).isEqualTo("spray");
        assertThat(c.level()).isEqualTo("high");
        assertThat(c.tags()).containsExactly("attack.t1110.003");
        assertThat(c.rules()).containsExactly("failed_login", "5638f7c0-ac70-491d-8465-2a65075e0d86");
        assertThat(c.groupBy()).containsExactly("ComputerName", "WorkstationName");
        assertThat(c.timespan()).isEqualTo(Duration.ofDays(1));
        assertThat(c.fields()).containsExactly("User");
        assertThat(c.generate()).isTrue();
        assertThat(c.condition().toString()).isEqualTo("gt 100 and lte 200");
        assertThat(c.condition().test(101)).isTrue();
        assertThat(c.condition().test(100)).isFalse();
        assertThat(c.condition().test(201)).isFalse();
        assertThat(c.rising()).as("an upper bound waits for the window to close").isFalse();
    }

    @Test
    void temporalDefaultsToEveryRuleAndMedianToTheFiftiethPercentile() {
        SigmaCorrelation temporal = compiled("""
                title: Recon
                correlation: {type: temporal, rules: [a, b, c], group-by: [User], timespan: 5m}
                """);
        assertThat(temporal.condition().toString()).isEqualTo("gte 3");
        assertThat(temporal.rising()).isTrue();
        SigmaCorrelation median = compiled("""
                title: Slow
                correlation: {type: value_median, rules: [api], group-by: [Endpoint], timespan: 90m,
                    condition: {field: ResponseTime, gte: 1000}}
                """);
        assertThat(median.percentile()).isEqualByComparingTo(BigDecimal.valueOf(50));
        assertThat(median.timespan()).isEqualTo(Duration.ofMinutes(90));
        assertThat(median.rising()).isFalse();
    }

    @Test
    void aliasesNameAFieldForEachRule() {
        SigmaCorrelation c = compiled("""
                title: Error then connection
                correlation:
                    type: temporal
                    rules: [internal_error, new_network_connection]
                    group-by: [internal_ip]
                    timespan: 10s
                    aliases:
                        internal_ip:
                            internal_error: destination.ip
                            new_network_connection: source.ip
                """);
        assertThat(c.aliases()).isEqualTo(Map.of("internal_ip", Map.of("internal_error", "destination.ip",
                "new_network_connection", "source.ip")));
        assertThat(c.fieldFor("internal_ip", "new_network_connection")).isEqualTo("source.ip");
        assertThat(c.fieldFor("User", "internal_error")).isEqualTo("User");
    }

    @Test
    void refusalsNamePlaceAndFeature() {
        record Refusal(String yaml, String path, String feature) {
        }
        String head = "title: T\ncorrelation:\n";
        for (Refusal r : List.of(
                new Refusal(head + "  type: event_sum\n  rules: [a]\n  timespan: 1m\n  condition: {gt: 1}",
                        "correlation.type", "correlation:type:event_sum"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 1w\n  condition: {gt: 1}",
                        "correlation.timespan", "correlation:timespan"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 31d\n  condition: {gt: 1}",
                        "correlation.timespan", "correlation:timespan-too-long"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 1m",
                        "correlation.condition", "correlation:event_count:missing-condition"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: {gt: many}",
                        "correlation.condition.gt", "correlation:condition-number"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: {above: 1}",
                        "correlation.condition.above", "correlation:condition:above"),
                new Refusal(head + "  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: {field: x, gt: 1}",
                        "correlation.condition.field", "correlation:event_count:field"),
                new Refusal(head + "  type: value_sum\n  rules: [a]\n  timespan: 1m\n  condition: {gt: 1}",
                        "correlation.condition.field", "correlation:value_sum:missing-field"),
                new Refusal(
                        head + "  type: value_percentile\n  rules: [a]\n  timespan: 1m\n  condition: {field: x, gt: 1}",
                        "correlation.condition.percentile", "correlation:value_percentile:missing-percentile"),
                new Refusal(head + "  type: temporal_ordered\n  rules: [a, b]\n  timespan: 1m\n  condition: {gte: 1}",
                        "correlation.condition", "correlation:temporal_ordered:condition"),
                new Refusal(head + "  type: temporal\n  rules: [a]\n  timespan: 1m",
                        "correlation.rules", "correlation:temporal:one-rule"),
                new Refusal(head + "  type: event_count\n  rules: []\n  timespan: 1m\n  condition: {gt: 1}",
                        "correlation.rules", "correlation:missing-rules"),
                new Refusal(
                        head + "  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: {gt: 1}\n  window: 5",
                        "correlation.window", "correlation:unknown-key"),
                new Refusal(head + "  type: temporal\n  rules: [a, b]\n  group-by: [ip]\n  timespan: 1m\n"
                        + "  aliases: {ip: {a: source.ip, c: destination.ip}}",
                        "correlation.aliases.ip.c", "correlation:alias-rule"),
                new Refusal(head + "  type: temporal\n  rules: [a, b]\n  group-by: [ip]\n  timespan: 1m\n"
                        + "  aliases: {ip: {a: source.ip}}",
                        "correlation.aliases.ip", "correlation:alias-missing-rule"),
                new Refusal("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 1m\n  condition: {gt: 1}",
                        "title", "rule:missing-title"))) {
            SigmaError error = refused(r.yaml());
            assertThat(error.path()).as(r.yaml()).isEqualTo(r.path());
            assertThat(error.feature()).as(r.yaml()).isEqualTo(r.feature());
            assertThat(error.message()).isNotBlank();
        }
    }
}
