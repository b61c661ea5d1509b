package io.vigil.detect.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.vigil.detect.alert.AlertView;
import io.vigil.store.Columns;

/** Deliveries as admins read them: what waits, what was sent, and what failed with its last error. */
@ApplicationScoped
public class Deliveries {

    /** One alert's delivery through one channel. */
    public record DeliveryView(UUID id, UUID channelId, String channel, UUID alertId, String rule, String state,
            int attempts, String lastError, Instant created, Instant nextAttempt, Instant sent) {
    }

    private final EntityManager db;
    private final Channels channels;
    private final Dispatcher dispatcher;
    private final ConsoleAddress console;

    Deliveries(EntityManager db, Channels channels, Dispatcher dispatcher, ConsoleAddress console) {
        this.db = db;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.console = console;
    }

    /** The newest deliveries, of one state and one channel if given. */
    @Transactional
    public List<DeliveryView> list(Optional<String> state, Optional<UUID> channel, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        state.ifPresent(s -> {
            parameters.add(s);
            where.append(" and d.state = ?").append(parameters.size());
        });
        channel.ifPresent(c -> {
            parameters.add(c);
            where.append(" and d.channel_id = ?").append(parameters.size());
        });
        Query query = db.createNativeQuery("""
                select d.id, d.channel_id, c.name, d.alert_id, coalesce(a.rule_title, n.title), d.state, d.attempts,
                       d.last_error, d.created, d.next_attempt, d.sent
                from notification_delivery d join notification_channel c on c.id = d.channel_id
                left join alert a on a.id = d.alert_id left join notification_notice n on n.id = d.notice_id""" + where
                + " order by d.created desc limit " + limit);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).intValue(), (String) r[7], Columns.instant(r[8]),
                Columns.instant(r[9]), Columns.instant(r[10]))).toList();
    }

    /**
     * Sends a test message through the channel now, outside the queue and its throttle; the reason it
     * failed, if it did. Empty when there is no such channel is told apart by the caller.
     */
    public Optional<Optional<String>> test(UUID id, String by) {
        return channels.secretsOf(id).map(channel -> {
            var rule = new AlertView.Rule("vigil-test", "Test notification from Vigil", "informational", 1, "single");
            Instant now = Instant.now();
            var alert = new AlertView(UUID.randomUUID(), rule, java.util.Map.of("sent.by", by), now, now, 1, 0, "new",
                    null, null, List.of("test"), now, now, by, null);
            return dispatcher.send(channel, new Message(List.of(alert), List.of(), console.url(), true));
        });
    }
}
