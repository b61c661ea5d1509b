package io.vigil.detect.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;
import io.vigil.search.SearchScope;
import io.vigil.testing.TestSources;

/**
 * A backtest reads events like every other read path: only of the sources in the user's scope (issue 19:
 * a detection engineer scoped away from a source got that source's events in full from a backtest).
 */
@QuarkusTest
class BacktestScopeTest {

    @Inject
    BacktestService backtests;

    @Test
    void aBacktestCountsAndShowsOnlyEventsOfTheSourcesInScope() {
        String marker = "CreateUser" + UUID.randomUUID().toString().substring(0, 8);
        String source = TestSources.create("t-btscope-", "cloudtrail", 7);
        String name = source.split(" ")[0];
        TestSources.ingest(source, "{\"eventVersion\":\"1.09\",\"eventTime\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + marker
                + "\",\"awsRegion\":\"eu-west-1\","
                + "\"sourceIPAddress\":\"203.0.113.5\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"secret-user\"},"
                + "\"eventID\":\"" + UUID.randomUUID() + "\",\"recipientAccountId\":\"111122223333\"}");
        var rule = ((SigmaResult.Rule) new SigmaParser().parseOne("""
                title: Scoped backtest
                id: %s
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection: {eventName: %s}
                  condition: selection
                """.formatted(UUID.randomUUID(), marker))).rule();

        await().atMost(Duration.ofSeconds(30)).until(() -> run(rule, SearchScope.everything()).hits() == 1);
        Backtest elsewhere = run(rule, new SearchScope(Set.of("t-another-source")));
        assertThat(elsewhere.hits()).isZero();
        assertThat(elsewhere.samples()).isEmpty();
        Backtest nowhere = run(rule, new SearchScope(Set.of()));
        assertThat(nowhere.hits()).isZero();
        Backtest mine = run(rule, new SearchScope(Set.of(name)));
        assertThat(mine.hits()).isEqualTo(1);
        assertThat(mine.samples()).hasSize(1);
    }

    private Backtest run(io.vigil.detect.sigma.SigmaRule rule, SearchScope scope) {
        Backtest started = backtests.start(rule, BacktestRange.parse("24h"), scope);
        await().atMost(Duration.ofSeconds(60)).until(() -> !backtests.get(started.id()).orElseThrow().running());
        Backtest done = backtests.get(started.id()).orElseThrow();
        assertThat(done.state()).as(String.valueOf(done.problem())).isEqualTo(Backtest.State.DONE);
        return done;
    }
}
