package io.vigil.detect.notify;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Channels kept in PostgreSQL: written by admins, read by every replica's dispatcher. */
@ApplicationScoped
public class Channels {

    private static final ChannelView.Health QUIET = new ChannelView.Health(0, 0, 0, null, null, null);

    private final EntityManager db;

    Channels(EntityManager db) {
        this.db = db;
    }

    @Transactional
    public List<ChannelView> list() {
        Map<UUID, long[]> counts = deliveryCounts();
        return Channel.<Channel>listAll(io.quarkus.panache.common.Sort.by("name")).stream()
                .map(c -> ChannelView.of(c, health(c, counts.get(c.id)))).toList();
    }

    @Transactional
    public Optional<ChannelView> one(UUID id) {
        return Channel.<Channel>findByIdOptional(id).map(c -> ChannelView.of(c, health(c, deliveryCounts().get(id))));
    }

    @Transactional
    public ChannelView create(ChannelRequest request, String by) {
        check(request, true);
        if (Channel.count("name", request.name()) > 0) {
            throw new InvalidChannelException(List.of("name: a channel named \"" + request.name() + "\" exists"));
        }
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.created = Instant.now();
        apply(channel, request, by);
        channel.persist();
        return ChannelView.of(channel, QUIET);
    }

    @Transactional
    public Optional<ChannelView> update(UUID id, ChannelRequest request, String by) {
        Optional<Channel> found = Channel.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        check(request, false);
        if (Channel.count("name = ?1 and id <> ?2", request.name(), id) > 0) {
            throw new InvalidChannelException(List.of("name: a channel named \"" + request.name() + "\" exists"));
        }
        Channel channel = found.get();
        if (!channel.kind.equals(request.kind())) {
            throw new InvalidChannelException(List.of("kind: a channel keeps its kind (" + channel.kind
                    + "); create another channel instead"));
        }
        apply(channel, request, by);
        return one(id);
    }

    @Transactional
    public boolean delete(UUID id) {
        return Channel.deleteById(id);
    }

    /** Gives failed deliveries of a channel another round of attempts; returns how many. */
    @Transactional
    public int retryFailed(UUID id) {
        return db.createNativeQuery("""
                update notification_delivery set state = 'pending', attempts = 0, next_attempt = now()
                where channel_id = ?1 and state = 'failed'""").setParameter(1, id).executeUpdate();
    }

    /** The channel with its secrets, for sending. */
    @Transactional
    Optional<Channel> secretsOf(UUID id) {
        Optional<Channel> channel = Channel.findByIdOptional(id);
        channel.ifPresent(db::detach);
        return channel;
    }

    private static void check(ChannelRequest request, boolean creating) {
        List<String> problems = ChannelCheck.problems(request, creating);
        if (!problems.isEmpty()) {
            throw new InvalidChannelException(problems);
        }
    }

    private static void apply(Channel c, ChannelRequest r, String by) {
        c.name = r.name().trim();
        c.kind = r.kind();
        if (!ChannelCheck.blank(r.url())) {
            c.url = r.url().trim();
        }
        c.recipients = r.recipients() == null
                ? new String[0]
                : r.recipients().stream().map(String::trim).toArray(String[]::new);
        c.sender = r.sender() == null ? null : r.sender().trim();
        var smtp = r.smtp();
        if (smtp != null) {
            c.smtpHost = smtp.host() == null ? null : smtp.host().trim();
            c.smtpPort = smtp.port();
            c.smtpTls = smtp.tls() == null ? "starttls" : smtp.tls();
            c.smtpUser = ChannelCheck.blank(smtp.user()) ? null : smtp.user().trim();
            if (!ChannelCheck.blank(smtp.password())) {
                c.smtpPassword = smtp.password();
            }
        }
        c.minLevel = ChannelCheck.blank(r.minLevel()) ? null : r.minLevel();
        c.packs = r.packs() == null
                ? new String[0]
                : r.packs().stream().filter(p -> !p.isBlank()).toArray(String[]::new);
        c.rules = r.rules() == null
                ? new String[0]
                : r.rules().stream().filter(p -> !p.isBlank()).toArray(String[]::new);
        c.perMinute = r.perMinute() == null ? 10 : r.perMinute();
        c.enabled = r.enabled() == null || r.enabled();
        c.updated = Instant.now();
        c.updatedBy = by;
    }

    private static ChannelView.Health health(Channel c, long[] counts) {
        long[] n = counts == null ? new long[3] : counts;
        return new ChannelView.Health(n[0], n[1], n[2], c.lastSent, c.lastError, c.lastErrorAt);
    }

    private Map<UUID, long[]> deliveryCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("""
                select channel_id, count(*) filter (where state = 'pending'), count(*) filter (where state = 'failed'),
                       count(*) filter (where state = 'sent' and sent > now() - interval '1 day')
                from notification_delivery group by channel_id""").getResultList();
        Map<UUID, long[]> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], new long[]{((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()});
        }
        return counts;
    }
}
