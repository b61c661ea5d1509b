package io.vigil.detect.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns firings into alerts: the open alert (not closed) of the same rule and group whose events
 * are within the suppression window of the firing's takes it — its count, last event and event list grow
 * — else a new alert starts. Replicas raising for one rule and group at once take turns on a
 * transaction-scoped advisory lock, so they never open two alerts for one episode. A raise reads the
 * rules' suppression once, then writes each rule and group's alert in a few statements ({@link AlertRows})
 * without an entity flush: ingest waits for it.
 */
@ApplicationScoped
public class AlertService {

    /** The most events listed behind one alert; its count of firings goes on. */
    static final int MAX_EVENTS = 10_000;

    private final EntityManager db;
    private final Duration suppression;

    AlertService(EntityManager db,
            @ConfigProperty(name = "vigil.alerts.suppression", defaultValue = "1h") Duration suppression) {
        this.db = db;
        this.suppression = suppression;
    }

    /**
     * Raises the firings, those of one rule and group folded first, in a transaction per rule and group:
     * a hot group's lock is held only while its own alert is written, so a raise never waits for
     * another's unrelated alerts. Returns the alerts' ids (new or updated), one per folded firing.
     */
    public List<UUID> raise(List<Raised> firings) {
        if (firings.isEmpty()) {
            return List.of();
        }
        AlertRows rows = new AlertRows(db);
        Map<String, Duration> suppressions = QuarkusTransaction.requiringNew().call(() -> suppressions(rows,
                firings));
        List<Raised> folded = Firings.fold(firings, suppressions::get);
        Map<AlertRows.Key, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < folded.size(); i++) {
            byKey.computeIfAbsent(new AlertRows.Key(folded.get(i).ruleId(), groupId(folded.get(i))),
                    k -> new ArrayList<>()).add(i);
        }
        UUID[] ids = new UUID[folded.size()];
        byKey.forEach((key, indexes) -> QuarkusTransaction.requiringNew().run(() -> {
            List<Episode> episodes = rows.lockAndReadOpen(Set.of(key)).getOrDefault(key, new ArrayList<>());
            Set<Episode> touched = new LinkedHashSet<>();
            for (int i : indexes) {
                Raised raised = folded.get(i);
                Duration gap = suppressions.get(raised.ruleId());
                // the open alert (the latest) whose events are within the suppression window takes it
                Episode episode = episodes.stream().filter(e -> e.takes(raised, gap))
                        .max(Comparator.comparing(e -> e.last)).orElse(null);
                if (episode == null) {
                    episode = Episode.open(raised);
                    episodes.add(episode);
                } else {
                    episode.take(raised);
                }
                touched.add(episode);
                ids[i] = episode.id;
            }
            rows.write(touched);
        }));
        return List.of(ids);
    }

    private Map<String, Duration> suppressions(AlertRows rows, List<Raised> firings) {
        Map<String, String> set = rows.suppressions(firings.stream().map(Raised::ruleId).distinct().toList());
        Map<String, Duration> suppressions = new HashMap<>();
        firings.forEach(r -> suppressions.computeIfAbsent(r.ruleId(), id -> set.get(id) == null
                ? suppression
                : Suppression.parse(set.get(id)).orElse(suppression)));
        return suppressions;
    }

    static UUID groupId(Raised raised) {
        StringBuilder key = new StringBuilder();
        raised.group().forEach((field, value) -> key.append(field).append('\u0000').append(value).append('\u0000'));
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
