package io.vigil.detect.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.detect.alert.AlertView;
import io.vigil.web.HtmlText;

/**
 * A message in each channel's format. Group values come from events and are hostile: JSON bodies are
 * written by Jackson, Slack text escapes its control characters ({@code & < >}, which also stops
 * {@code <!channel>} mentions), email HTML is escaped and the subject loses line breaks.
 */
final class MessageBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageBodies() {
    }

    /** The generic webhook body: {@code {"source":"vigil","test":false,"alerts":[…]}}. */
    static String webhook(Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "vigil");
        body.put("test", m.test());
        body.put("alerts", m.alerts().stream().map(a -> alert(m, a)).toList());
        if (!m.notices().isEmpty()) {
            body.put("notices", m.notices().stream().map(n -> notice(m, n)).toList());
        }
        return json(body);
    }

    /** A Slack-compatible incoming-webhook body (Slack, Mattermost, Rocket.Chat): {@code text} in mrkdwn. */
    static String slack(Message m) {
        StringBuilder text = new StringBuilder("*").append(slackEscape(m.headline())).append("*");
        for (AlertView a : m.alerts()) {
            text.append("\n• <").append(m.link(a)).append("|").append(slackEscape(Message.summary(a))).append(">")
                    .append(" — ").append(a.count()).append(a.count() == 1 ? " firing" : " firings").append(", ")
                    .append(slackEscape(String.join(", ", a.sources())));
        }
        for (Notice n : m.notices()) {
            text.append("\n• <").append(m.link(n)).append("|").append(slackEscape(n.title())).append("> — ")
                    .append(slackEscape(n.detail()));
        }
        return json(Map.of("text", text.toString(), "unfurl_links", false));
    }

    static String subject(Message m) {
        String subject = "[Vigil] " + m.headline();
        subject = subject.replaceAll("\\p{Cntrl}", " ");
        return subject.length() > 200 ? subject.substring(0, 199) + "…" : subject;
    }

    static String text(Message m) {
        StringBuilder text = new StringBuilder();
        for (AlertView a : m.alerts()) {
            text.append(Message.summary(a)).append('\n')
                    .append("  rule: ").append(a.rule().title()).append(" (").append(a.rule().kind()).append(")\n")
                    .append("  events: ").append(time(a.first())).append(" – ").append(time(a.last()))
                    .append(", fired ").append(a.count()).append(a.count() == 1 ? " time" : " times").append('\n')
                    .append("  sources: ").append(String.join(", ", a.sources())).append('\n')
                    .append("  ").append(m.link(a)).append("\n\n");
        }
        for (Notice n : m.notices()) {
            text.append(n.title()).append('\n').append("  ").append(n.detail()).append('\n').append("  ")
                    .append(m.link(n)).append("\n\n");
        }
        return text.toString();
    }

    static String html(Message m) {
        StringBuilder html = new StringBuilder("<h2>").append(HtmlText.escape(m.headline())).append("</h2><ul>");
        for (AlertView a : m.alerts()) {
            html.append("<li><a href=\"").append(HtmlText.escape(m.link(a))).append("\">")
                    .append(HtmlText.escape(Message.summary(a)))
                    .append("</a><br>").append(HtmlText.escape(time(a.first()))).append(" – ")
                    .append(HtmlText.escape(time(a.last())))
                    .append(", fired ").append(a.count()).append(a.count() == 1 ? " time" : " times")
                    .append("; sources: ").append(HtmlText.escape(String.join(", ", a.sources()))).append("</li>");
        }
        for (Notice n : m.notices()) {
            html.append("<li><a href=\"").append(HtmlText.escape(m.link(n))).append("\">")
                    .append(HtmlText.escape(n.title()))
                    .append("</a><br>").append(HtmlText.escape(n.detail())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private static Map<String, Object> notice(Message m, Notice n) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", n.id().toString());
        notice.put("kind", n.kind());
        notice.put("level", n.level());
        notice.put("title", n.title());
        notice.put("detail", n.detail());
        notice.put("url", m.link(n));
        notice.put("created", time(n.created()));
        return notice;
    }

    private static Map<String, Object> alert(Message m, AlertView a) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", a.id().toString());
        alert.put("url", m.link(a));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", a.rule().id());
        rule.put("title", a.rule().title());
        rule.put("level", a.rule().level());
        rule.put("kind", a.rule().kind());
        rule.put("version", a.rule().version());
        alert.put("rule", rule);
        alert.put("group", a.group());
        alert.put("first", time(a.first()));
        alert.put("last", time(a.last()));
        alert.put("count", a.count());
        alert.put("events", a.events());
        alert.put("state", a.state());
        alert.put("sources", a.sources());
        return alert;
    }

    static String slackEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message did not serialise", e);
        }
    }
}
