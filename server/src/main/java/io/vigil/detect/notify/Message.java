package io.vigil.detect.notify;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.detect.alert.AlertView;

/**
 * What one message says: the alerts it carries (one, or several that waited out the channel's throttle)
 * and the console's address for links.
 */
record Message(List<AlertView> alerts, String consoleUrl, boolean test) {

    Message {
        alerts = List.copyOf(alerts);
    }

    String link(AlertView alert) {
        return consoleUrl + "/alerts/" + alert.id();
    }

    /** One line for a subject or a chat message: the level, the rule and the group. */
    String headline() {
        if (alerts.size() != 1) {
            return (test ? "[test] " : "") + alerts.size() + " new Vigil alerts";
        }
        return (test ? "[test] " : "") + summary(alerts.get(0));
    }

    static String summary(AlertView alert) {
        String group = alert.group().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return (alert.rule().level() == null ? "alert" : alert.rule().level()) + ": " + alert.rule().title()
                + (group.isEmpty() ? "" : " (" + group + ")");
    }
}
