package io.vigil.detect.notify;

import java.util.List;
import java.util.stream.Collectors;

import io.vigil.detect.alert.AlertView;

/**
 * What one message says: the alerts and notices it carries (one, or several that waited out the channel's
 * throttle) and the console's address for links.
 */
record Message(List<AlertView> alerts, List<Notice> notices, String consoleUrl, boolean test) {

    Message {
        alerts = List.copyOf(alerts);
        notices = List.copyOf(notices);
    }

    String link(AlertView alert) {
        return consoleUrl + "/alerts/" + alert.id();
    }

    String link(Notice notice) {
        return consoleUrl + notice.link();
    }

    /** One line for a subject or a chat message: the level, the rule and the group, or the notice's title. */
    String headline() {
        String prefix = test ? "[test] " : "";
        if (alerts.size() + notices.size() != 1) {
            return prefix + (notices.isEmpty()
                    ? alerts.size() + " new Vigil alerts"
                    : alerts.isEmpty()
                            ? notices.size() + " Vigil notices"
                            : alerts.size() + " new Vigil alerts and " + notices.size() + " notices");
        }
        return prefix + (alerts.isEmpty() ? notices.get(0).title() : summary(alerts.get(0)));
    }

    static String summary(AlertView alert) {
        String group = alert.group().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return (alert.rule().level() == null ? "alert" : alert.rule().level()) + ": " + alert.rule().title()
                + (group.isEmpty() ? "" : " (" + group + ")");
    }
}
