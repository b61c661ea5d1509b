package io.vigil.detect;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.access.IngestTokens;
import io.vigil.devstack.PostgresService;
import io.vigil.devstack.VigilServerService;
import io.vigil.testing.PackagedServer;

/**
 * Correlation gives the same alerts whichever server process takes an event (ADR 0020), on the packaged
 * server: two processes sharing OpenSearch and PostgreSQL, each taking every other batch of a stream, raise
 * exactly the alerts one process raises for the same stream, and so does one process restarted halfway.
 * The three runs send one seeded stream as three sets of groups (addresses 10.1/10.2/10.3.x.x), so their
 * correlation state never meets.
 */
class ReplicaCorrelationIT {

    private static final String SOURCE = "replicas";
    private static final String CONSOLE_FAILURES = "97a4a269-17e1-41ec-bf00-218536eed791";
    private static final int BATCH = 100;
    /** Another seed replays another stream: {@code -Dvigil.replica-it.seed=…}. */
    private static final long SEED = Long.getLong("vigil.replica-it.seed", 20_261_207L);

    /** One alert as the comparison sees it: the run's number put back to the placeholder in groups and ids. */
    private record AlertRow(String rule, String kind, String group, Instant first, Instant last, int fired,
            int events, String sources, List<String> eventIds) {
    }

    // every built-in correlation is rising (it fires within the ingest call), so the lateness stays at its
    // default: a shorter one would only let eviction delete inputs of this stream, which reaches back 11 min.
    // Rules are picked up every 2 s so a started process correlates soon.
    private final PackagedServer stack = new PackagedServer("target/it-replicas",
            Map.of("vigil.detection.reload-every", "2s", "vigil.correlation.settle-every", "1s"));
    private final AtomicInteger probes = new AtomicInteger();
    private String token;

    @AfterEach
    void stopAll() {
        stack.close();
    }

    @Test
    void replicasAndARestartRaiseTheAlertsOneServerRaises() throws Exception {
        stack.postgres().start();
        stack.openSearch().start();
        VigilServerService first = stack.startServer().server();
        // the first process migrates the database and loads the built-in packs: the second starts on them
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> checkUp(first, "postgresql") && checkUp(first, "opensearch"));
        token = createSource();
        awaitCorrelating(first);
        VigilServerService second = stack.replica("replica");
        second.start();
        awaitCorrelating(second);

        List<String> stream = CorrelationStream.records(SEED, Instant.now().minusSeconds(30));
        List<String> run1 = batches(stream, 1);
        List<String> run2 = batches(stream, 2);
        List<String> run3 = batches(stream, 3);

        run1.forEach(batch -> send(first, batch));
        List<AlertRow> alone = settledAlerts(1);
        List<AlertRow> correlated = alone.stream().filter(a -> !"single".equals(a.kind())).toList();
        assertThat(correlated).as("correlation alerts of one server").hasSizeGreaterThanOrEqualTo(5);
        assertThat(correlated.stream().map(AlertRow::rule).distinct()).as("correlations that fired")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(correlated.stream().filter(a -> a.rule().equals(CONSOLE_FAILURES)).count())
                .as("addresses over the console failures threshold (others stay below)").isPositive()
                .isLessThan(CorrelationStream.ADDRESSES);

        for (int i = 0; i < run2.size(); i++) {
            send(i % 2 == 0 ? first : second, run2.get(i));
        }
        assertThat(settledAlerts(2)).as("alerts of two servers taking every other batch").isEqualTo(alone);

        int half = run3.size() / 2;
        run3.subList(0, half).forEach(batch -> send(first, batch));
        first.stop();
        first.start();
        awaitCorrelating(first);
        run3.subList(half, run3.size()).forEach(batch -> send(first, batch));
        assertThat(settledAlerts(3)).as("alerts of a server restarted halfway").isEqualTo(alone);
    }

    /** The stream as sent in one run, in batches of {@value #BATCH} records (NDJSON). */
    private static List<String> batches(List<String> stream, int run) {
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < stream.size(); from += BATCH) {
            StringBuilder body = new StringBuilder();
            for (String record : stream.subList(from, Math.min(stream.size(), from + BATCH))) {
                body.append(CorrelationStream.forRun(record, run)).append('\n');
            }
            batches.add(body.toString());
        }
        return batches;
    }

    /** Sends one batch and waits for the answer, so every run hands the store its batches in one order. */
    private void send(VigilServerService server, String body) {
        var response = given().baseUri(server.url()).header("Authorization", "Bearer " + token).body(body)
                .post("/api/ingest/" + SOURCE);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getInt("accepted")).as(response.asString())
                .isEqualTo(body.split("\n").length);
    }

    /**
     * Waits until the process correlates, i.e. has loaded the rules (at start, or from another replica on its
     * next check): a probe address's three console login failures must raise an alert within the ingest call.
     */
    private void awaitCorrelating(VigilServerService server) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> correlates(server));
    }

    private boolean correlates(VigilServerService server) throws SQLException {
        int n = probes.getAndIncrement();
        // probes use addresses of no run (10.9.x.x), so they are in no run's alerts
        String ip = "10.9." + n / 250 + "." + (n % 250 + 1);
        var response = given().baseUri(server.url()).header("Authorization", "Bearer " + token)
                .body(CorrelationStream.probe(ip, n, Instant.now())).post("/api/ingest/" + SOURCE);
        if (response.statusCode() != 200) {
            return false;
        }
        try (var connection = connect();
                var query = connection.prepareStatement(
                        "select count(*) from alert where rule_id = ? and group_values::text like ?")) {
            query.setString(1, CONSOLE_FAILURES);
            query.setString(2, "%\"" + ip + "\"%");
            try (var result = query.executeQuery()) {
                return result.next() && result.getLong(1) > 0;
            }
        }
    }

    /**
     * A run's alerts once two reads three seconds apart agree: rising correlations alert within the ingest
     * call, so this only waits out what waited for PostgreSQL, which would otherwise go unnoticed.
     */
    private List<AlertRow> settledAlerts(int run) {
        AtomicReference<List<AlertRow>> previous = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            List<AlertRow> now = alerts(run);
            return !now.isEmpty() && now.equals(previous.getAndSet(now));
        });
        return previous.get();
    }

    /** The alerts of one run's groups, straight from PostgreSQL, with the events behind each. */
    private List<AlertRow> alerts(int run) throws SQLException {
        List<AlertRow> rows = new ArrayList<>();
        try (var connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select a.rule_id, a.rule_kind, a.group_values::text, a.first_event, a.last_event, a.fired,
                            a.events, array_to_string(a.sources, ','),
                            (select string_agg(e.event_id, ' ') from alert_event e where e.alert_id = a.id)
                        from alert a""")) {
            while (result.next()) {
                String group = result.getString(3);
                if (!CorrelationStream.ofRun(group, run)) {
                    continue;
                }
                String ids = result.getString(9);
                List<String> events = ids == null
                        ? List.of()
                        : Arrays.stream(ids.split(" ")).map(id -> CorrelationStream.undo(id, run)).sorted().toList();
                rows.add(new AlertRow(result.getString(1), result.getString(2), CorrelationStream.undo(group, run),
                        result.getTimestamp(4).toInstant(), result.getTimestamp(5).toInstant(), result.getInt(6),
                        result.getInt(7), result.getString(8), events));
            }
        }
        rows.sort(Comparator.comparing(AlertRow::rule).thenComparing(AlertRow::group)
                .thenComparing(AlertRow::first));
        return rows;
    }

    private static boolean checkUp(VigilServerService server, String check) {
        return "UP".equals(given().baseUri(server.managementUrl()).get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == '" + check + "' }.status"));
    }

    /** The CloudTrail source goes straight into PostgreSQL: this test runs without Keycloak. */
    private String createSource() throws SQLException {
        String created = IngestTokens.generate();
        try (var connection = connect();
                var insert = connection.prepareStatement("insert into ingest_source (name, type, scope,"
                        + " retention_days, token_hash, token_hint, created_by) values (?, 'cloudtrail', ?, 7, ?, ?,"
                        + " 'it')")) {
            insert.setString(1, SOURCE);
            insert.setString(2, SOURCE);
            insert.setString(3, IngestTokens.hash(created));
            insert.setString(4, IngestTokens.hint(created));
            insert.executeUpdate();
        }
        return created;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(), PostgresService.USER,
                PostgresService.PASSWORD);
    }
}
