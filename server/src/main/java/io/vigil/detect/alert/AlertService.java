package io.vigil.detect.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * transaction-scoped advisory lock, so they never open two alerts for one episode. A raise is a few
 * set-based statements ({@link AlertRows}) in one transaction, however many alerts it touches: ingest
 * waits for it.
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
     * Raises the firings in one transaction, those of one rule and group folded first; returns the alerts'
     * ids (new or updated), one per folded firing.
     */
    public List<UUID> raise(List<Raised> firings) {
        if (firings.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> raiseAll(firings));
    }

    private List<UUID> raiseAll(List<Raised> firings) {
        AlertRows rows = new AlertRows(db);
        Map<String, String> set = rows.suppressions(firings.stream().map(Raised::ruleId).distinct().toList());
        Map<String, Duration> suppressions = new HashMap<>();
        firings.forEach(r -> suppressions.computeIfAbsent(r.ruleId(), id -> set.get(id) == null
                ? suppression
                : Suppression.parse(set.get(id)).orElse(suppression)));
        List<Raised> folded = Firings.fold(firings, suppressions::get);
        List<AlertRows.Key> keys = folded.stream().map(r -> new AlertRows.Key(r.ruleId(), groupId(r))).toList();
        Map<AlertRows.Key, List<Episode>> open = rows.lockAndReadOpen(Set.copyOf(keys));
        Map<Episode, AlertRows.Key> touched = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            Raised raised = folded.get(i);
            AlertRows.Key key = keys.get(i);
            List<Episode> episodes = open.computeIfAbsent(key, k -> new ArrayList<>());
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
            touched.put(episode, key);
            ids.add(episode.id);
        }
        rows.write(touched);
        return ids;
    }

    static UUID groupId(Raised raised) {
        StringBuilder key = new StringBuilder();
        raised.group().forEach((field, value) -> key.append(field).append('\u0000').append(value).append('\u0000'));
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
