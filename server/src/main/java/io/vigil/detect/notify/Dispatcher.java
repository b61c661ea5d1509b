package io.vigil.detect.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vigil.detect.alert.AlertQueries;
import io.vigil.detect.alert.AlertView;

/**
 * Every replica, every few seconds: routes alerts opened since to the channels that want them (one
 * delivery per alert and channel), then sends what is due, one message per channel a round. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and the channel row is locked while its message goes out,
 * so two replicas never send the same delivery and a channel's throttle counts every replica's messages.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** The most alerts in one message: beyond the throttle they wait together, and a digest stays readable. */
    static final int PER_MESSAGE = 50;

    private final EntityManager db;
    private final AlertQueries alerts;
    private final Notices notices;
    private final Transports transports;
    private final Backoff backoff;
    private final Duration throttleWindow;
    private final ConsoleAddress console;

    Dispatcher(EntityManager db, AlertQueries alerts, Notices notices, Transports transports, ConsoleAddress console,
            @ConfigProperty(name = "vigil.notify.backoff", defaultValue = "30s") Duration first,
            @ConfigProperty(name = "vigil.notify.max-backoff", defaultValue = "30m") Duration cap,
            @ConfigProperty(name = "vigil.notify.attempts", defaultValue = "8") int attempts,
            @ConfigProperty(name = "vigil.notify.throttle-window", defaultValue = "1m") Duration throttleWindow) {
        this.db = db;
        this.alerts = alerts;
        this.notices = notices;
        this.transports = transports;
        this.console = console;
        this.backoff = new Backoff(first, cap, attempts);
        this.throttleWindow = throttleWindow;
    }

    @Scheduled(every = "${vigil.notify.every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::route) == Routed.MORE) {
                // a burst of alerts: route it all before sending
            }
            while (QuarkusTransaction.requiringNew().call(this::routeNotices) == Routed.MORE) {
                // the same for notices
            }
            for (UUID channel : QuarkusTransaction.requiringNew().call(this::channelsDue)) {
                QuarkusTransaction.requiringNew().run(() -> sendDue(channel));
            }
        } catch (RuntimeException e) {
            // PostgreSQL away: nothing is lost, the rows wait for the next round
            LOG.warnf("notifications: this round stopped (%s); the next one goes on", e.getMessage());
        }
    }

    private enum Routed {
        DONE,
        MORE
    }

    private Routed route() {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = db.createNativeQuery("""
                select a.id, a.rule_level, a.rule_id, r.pack from alert a left join detection_rule r on r.id = a.rule_id
                where a.notify_pending order by a.created limit 500 for update of a skip locked""").getResultList();
        if (pending.isEmpty()) {
            return Routed.DONE;
        }
        List<Channel> channels = Channel.list("enabled", true);
        List<UUID> routed = new ArrayList<>();
        for (Object[] row : pending) {
            UUID alert = (UUID) row[0];
            for (Channel channel : channels) {
                if (Routing.matches(channel, (String) row[1], (String) row[3], (String) row[2])) {
                    deliver(channel.id, "alert_id", alert);
                }
            }
            routed.add(alert);
        }
        db.createNativeQuery("update alert set notify_pending = false where id = any(?1)")
                .setParameter(1, routed.toArray(UUID[]::new)).executeUpdate();
        return pending.size() < 500 ? Routed.DONE : Routed.MORE;
    }

    /** Routes pending notices as {@link #route()} routes alerts. */
    private Routed routeNotices() {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = db.createNativeQuery("""
                select id, level from notification_notice where notify_pending order by created limit 500
                for update skip locked""").getResultList();
        if (pending.isEmpty()) {
            return Routed.DONE;
        }
        List<Channel> channels = Channel.list("enabled", true);
        for (Object[] row : pending) {
            for (Channel channel : channels) {
                if (Routing.matchesNotice(channel, (String) row[1])) {
                    deliver(channel.id, "notice_id", (UUID) row[0]);
                }
            }
        }
        db.createNativeQuery("update notification_notice set notify_pending = false where id = any(?1)")
                .setParameter(1, pending.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new)).executeUpdate();
        return pending.size() < 500 ? Routed.DONE : Routed.MORE;
    }

    /** A delivery of an alert or a notice ({@code column}: alert_id or notice_id) through a channel, once. */
    private void deliver(UUID channel, String column, UUID carried) {
        db.createNativeQuery("insert into notification_delivery (id, channel_id, " + column + ", next_attempt, created)"
                + " values (?1, ?2, ?3, now(), now()) on conflict do nothing").setParameter(1, UUID.randomUUID())
                .setParameter(2, channel).setParameter(3, carried).executeUpdate();
    }

    private List<UUID> channelsDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = db
                .createNativeQuery(
                        """
                                select distinct d.channel_id from notification_delivery d join notification_channel c on c.id = d.channel_id
                                where d.state = 'pending' and d.next_attempt <= now() and c.enabled""")
                .getResultList();
        return due;
    }

    private void sendDue(UUID channelId) {
        if (db.createNativeQuery("select id from notification_channel where id = ?1 for update skip locked")
                .setParameter(1, channelId).getResultList().isEmpty()) {
            return; // another replica is sending through this channel now
        }
        Channel channel = Channel.findById(channelId);
        Instant now = Instant.now();
        if (channel.windowStart == null || !channel.windowStart.plus(throttleWindow).isAfter(now)) {
            channel.windowStart = now;
            channel.windowSent = 0;
        }
        if (channel.windowSent >= channel.perMinute) {
            return; // throttled: the due alerts wait and go out together when the window turns
        }
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = db.createNativeQuery("""
                select id, alert_id, attempts, notice_id from notification_delivery
                where channel_id = ?1 and state = 'pending' and next_attempt <= now()
                order by created limit ?2 for update skip locked""").setParameter(1, channelId)
                .setParameter(2, PER_MESSAGE).getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        List<AlertView> views = alerts.system(claimed.stream().map(r -> (UUID) r[1]).filter(Objects::nonNull)
                .toList());
        List<Notice> said = notices.byId(claimed.stream().map(r -> (UUID) r[3]).filter(Objects::nonNull).toList());
        channel.windowSent++;
        Optional<String> error = send(channel, new Message(views, said, console.url(), false));
        if (error.isEmpty()) {
            channel.lastSent = now;
            db.createNativeQuery("""
                    update notification_delivery set state = 'sent', sent = now(), attempts = attempts + 1,
                    last_error = null where id = any(?1)""")
                    .setParameter(1, claimed.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new)).executeUpdate();
            return;
        }
        channel.lastError = error.get();
        channel.lastErrorAt = now;
        for (Object[] row : claimed) {
            int failed = ((Number) row[2]).intValue() + 1;
            db.createNativeQuery("""
                    update notification_delivery set attempts = ?2, last_error = ?3, state = ?4, next_attempt = ?5
                    where id = ?1""").setParameter(1, row[0]).setParameter(2, failed).setParameter(3, error.get())
                    .setParameter(4, backoff.givesUp(failed) ? "failed" : "pending")
                    .setParameter(5, now.plus(backoff.after(failed))).executeUpdate();
        }
    }

    /** Sends a message; the reason it failed, if it did. */
    Optional<String> send(Channel channel, Message message) {
        try {
            transports.send(channel, message);
            return Optional.empty();
        } catch (DeliveryException e) {
            LOG.warnf("notification channel %s: %s", channel.name, e.getMessage());
            return Optional.of(e.getMessage());
        }
    }
}
