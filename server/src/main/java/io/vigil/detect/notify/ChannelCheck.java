package io.vigil.detect.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.vigil.event.Level;

/** What makes a channel request sound, each problem named by its field. */
final class ChannelCheck {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._\\-]{0,63}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");
    private static final List<String> TLS = List.of("none", "starttls", "tls");

    private ChannelCheck() {
    }

    /**
     * The problems of a request; {@code creating} asks for the secrets, which an update may leave out.
     */
    static List<String> problems(ChannelRequest r, boolean creating) {
        List<String> problems = new ArrayList<>();
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            problems.add("name: 1–64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
        }
        var kind = ChannelKind.of(r.kind());
        if (kind.isEmpty()) {
            problems.add("kind: one of webhook, slack, email (was " + quoted(r.kind()) + ")");
        } else if (kind.get() == ChannelKind.EMAIL) {
            email(r, problems);
        } else if (blank(r.url())) {
            if (creating) {
                problems.add("url: the webhook's address is required");
            }
        } else if (!webUrl(r.url())) {
            problems.add("url: an http:// or https:// address with a host");
        }
        if (r.minLevel() != null && !r.minLevel().isBlank() && Level.of(r.minLevel()).isEmpty()) {
            problems.add("minLevel: one of " + String.join(", ", Level.IDS) + " (was " + quoted(r.minLevel()) + ")");
        }
        if (r.perMinute() != null && (r.perMinute() < 1 || r.perMinute() > 600)) {
            problems.add("perMinute: 1 to 600 messages a minute (was " + r.perMinute() + ")");
        }
        return problems;
    }

    private static void email(ChannelRequest r, List<String> problems) {
        if (r.recipients() == null || r.recipients().isEmpty()) {
            problems.add("recipients: at least one address");
        } else {
            r.recipients().stream().filter(a -> a == null || !ADDRESS.matcher(a.trim()).matches())
                    .forEach(a -> problems.add("recipients: not an email address: " + quoted(a)));
        }
        if (r.sender() == null || !ADDRESS.matcher(r.sender().trim()).matches()) {
            problems.add("sender: the From address, e.g. vigil@example.com");
        }
        var smtp = r.smtp();
        if (smtp == null || blank(smtp.host())) {
            problems.add("smtp.host: the SMTP server's host name");
        }
        if (smtp != null && smtp.port() != null && (smtp.port() < 1 || smtp.port() > 65_535)) {
            problems.add("smtp.port: 1 to 65535 (was " + smtp.port() + ")");
        }
        if (smtp != null && smtp.tls() != null && !TLS.contains(smtp.tls())) {
            problems.add("smtp.tls: one of none, starttls, tls (was " + quoted(smtp.tls()) + ")");
        }
    }

    static boolean webUrl(String url) {
        try {
            URI uri = URI.create(url.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
