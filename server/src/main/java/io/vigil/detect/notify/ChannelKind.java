package io.vigil.detect.notify;

import java.util.Arrays;
import java.util.Optional;

/** Where a channel sends: a generic JSON webhook, a Slack-compatible webhook, or email over SMTP. */
public enum ChannelKind {

    WEBHOOK("webhook"),
    SLACK("slack"),
    EMAIL("email");

    private final String id;

    ChannelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ChannelKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
