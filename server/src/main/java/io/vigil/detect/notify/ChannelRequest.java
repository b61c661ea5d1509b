package io.vigil.detect.notify;

import java.util.List;

/**
 * A channel as an admin writes it. On an update, a secret left out (the URL, the SMTP password) keeps the
 * stored one: the console never shows a secret, so it cannot send it back.
 *
 * @param minLevel the lowest alert level sent (null: any)
 * @param packs rule packs whose alerts are sent (empty: any)
 * @param rules rule ids whose alerts are sent (empty: any)
 * @param perMinute the most messages a minute (default 10)
 */
public record ChannelRequest(String name, String kind, String url, List<String> recipients, String sender, Smtp smtp,
        String minLevel, List<String> packs, List<String> rules, Integer perMinute, Boolean enabled) {

    /** The SMTP server of an email channel; {@code tls} is none, starttls or tls. */
    public record Smtp(String host, Integer port, String tls, String user, String password) {
    }
}
