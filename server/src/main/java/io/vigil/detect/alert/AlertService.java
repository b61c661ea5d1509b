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
import io.vigil.store.GroupCommit;

/**
 * Turns firings into alerts: the open alert (not closed) of the same rule and group whose events
 * are within the suppression window of the firing's takes it — its count, last event and event list grow
 * — else a new alert starts. Replicas raising for one rule and group at once take turns on a
 * transaction-scoped advisory lock, so they never open two alerts for one episode. A raise reads the
 * rules' suppression once, then writes every rule and group's alert in a few statements ({@link AlertRows})
 * without an entity flush: ingest waits for it.
 */
@ApplicationScoped
public class AlertService {

    /** The most events listed behind one alert; its count of firings goes on. */
    static final int MAX_EVENTS = 10_000;

    private final EntityManager db;
    private final Duration suppression;
    private final GroupCommit<Raised> commits = new GroupCommit<>(this::raiseNow);

    AlertService(EntityManager db,
            @ConfigProperty(name = "vigil.alerts.suppression", defaultValue = "1h") Duration suppression) {
        this.db = db;
        this.suppression = suppression;
    }

    /**
     * Raises the firings, with those other threads raise meanwhile ({@link GroupCommit}): those of one
     * rule and group folded first, then every rule and group's alert written in one transaction. Only
     * one raise per replica is under way at a time, so a replica's raises never queue on each other's
     * advisory locks; a raise of another replica holding some of them is waited for.
     */
    public void raise(List<Raised> firings) {
        if (!firings.isEmpty()) {
            commits.submit(firings);
        }
    }

    private void raiseNow(List<Raised> firings) {
        AlertRows rows = new AlertRows(db);
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Duration> suppressions = suppressions(rows, firings);
            Map<AlertRows.Key, List<Raised>> byKey = new LinkedHashMap<>();
            for (Raised raised : Firings.fold(firings, suppressions::get)) {
                byKey.computeIfAbsent(new AlertRows.Key(raised.ruleId(), groupId(raised)), k -> new ArrayList<>())
                        .add(raised);
            }
            Map<AlertRows.Key, List<Episode>> open = rows.lockAndReadOpen(byKey.keySet());
            Set<Episode> touched = new LinkedHashSet<>();
            byKey.forEach((key, raises) -> {
                List<Episode> episodes = open.computeIfAbsent(key, k -> new ArrayList<>());
                for (Raised raised : raises) {
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
                }
            });
            rows.write(touched);
        });
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
