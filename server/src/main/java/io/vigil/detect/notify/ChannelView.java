package io.vigil.detect.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A channel as the API and console show it: secrets never, only whether they are set, and a webhook's
 * address cut to its scheme and host.
 */
public record ChannelView(UUID id, String name, String kind, String target, boolean secretSet,
        List<String> recipients, String sender, Smtp smtp, String minLevel, List<String> packs, List<String> rules,
        int perMinute, boolean enabled, Health health) {

    /** The SMTP server without its password. */
    public record Smtp(String host, Integer port, String tls, String user, boolean passwordSet) {
    }

    /**
     * How deliveries go: waiting, given up (shown to admins), sent in the last day, and the last error.
     */
    public record Health(long pending, long failed, long sentLastDay, Instant lastSent, String lastError,
            Instant lastErrorAt) {

        public boolean failing() {
            return failed > 0 || lastErrorAt != null && (lastSent == null || lastErrorAt.isAfter(lastSent));
        }
    }

    static ChannelView of(Channel c, Health health) {
        boolean email = c.channelKind() == ChannelKind.EMAIL;
        Smtp smtp = email ? new Smtp(c.smtpHost, c.smtpPort, c.smtpTls, c.smtpUser, c.smtpPassword != null) : null;
        String target = email ? String.join(", ", c.recipients) : masked(c.url);
        boolean secretSet = email ? c.smtpPassword != null : c.url != null;
        return new ChannelView(c.id, c.name, c.kind, target, secretSet, List.of(c.recipients), c.sender, smtp,
                c.minLevel, List.of(c.packs), List.of(c.rules), c.perMinute, c.enabled, health);
    }

    /** {@code https://hooks.example.com/…}: enough to recognise the service, nothing of the token. */
    static String masked(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }
}
