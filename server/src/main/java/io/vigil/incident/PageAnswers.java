package io.vigil.incident;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vigil.web.HtmlText;

/** What the incident pages' forms are answered with: go to an incident, reload, or a short message. */
final class PageAnswers {

    private PageAnswers() {
    }

    static Response go(long id) {
        return Response.ok("Opening " + IncidentView.ref(id), MediaType.TEXT_HTML_TYPE)
                .header("HX-Location", URI.create("/incidents/" + id).toString()).build();
    }

    static Response reload() {
        return Response.ok("Saved", MediaType.TEXT_HTML_TYPE).header("HX-Refresh", "true").build();
    }

    /**
     * A short answer that htmx places in the page. Messages may quote what the user typed (a refused comment's
     * HTML), so they go out escaped, as HTML.
     */
    static Response text(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(HtmlText.escape(message)).build();
    }

    /**
     * An incident's number as people type it ({@code 42} or {@code INC-42}); blank is null when
     * {@code blankIsNew}, for "a new incident".
     */
    static Long incidentNumber(String text, boolean blankIsNew) {
        String number = text == null ? "" : text.strip().replaceFirst("(?i)^INC-", "");
        if (number.isEmpty() && blankIsNew) {
            return null;
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw IncidentProblem.invalid("incident: a number such as 42 or INC-42"
                    + (blankIsNew ? ", or empty for a new incident" : ""));
        }
    }
}
