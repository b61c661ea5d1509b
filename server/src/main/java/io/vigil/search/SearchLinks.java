package io.vigil.search;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;
import io.vigil.index.FindingsReader.StoredFinding;

/** Links into the search page from elsewhere in the console ({@code {finding.searchUrl}} in templates). */
@TemplateExtension
public final class SearchLinks {

    private SearchLinks() {
    }

    /** The most events one link searches for: a longer query makes a URL too long to share. */
    static final int MAX_LINKED_EVENTS = 50;
    /** The most events a finding's flyout lists one by one. */
    static final int MAX_LISTED_EVENTS = 20;

    /**
     * The finding's events in the search page, in a day either side of them; a single event has its panel
     * open. A finding of more events than a link can carry links its first {@value #MAX_LINKED_EVENTS}.
     */
    static String searchUrl(StoredFinding finding) {
        Instant last = instant(finding.time());
        Instant first = instant(finding.first());
        List<String> ids = finding.eventIds().subList(0, Math.min(finding.eventIds().size(), MAX_LINKED_EVENTS));
        String query = ids.stream().map(id -> LuceneText.term("event.id", id)).collect(Collectors.joining(" OR "));
        var form = SearchForm.of(query, first.minus(Duration.ofDays(1)).toString(),
                last.plus(Duration.ofDays(1)).toString(), null);
        return ids.size() == 1
                ? form.url() + "&open=" + SearchForm.enc(finding.eventIndex() + "/" + finding.eventId())
                : form.url();
    }

    /** One of the finding's events in the search page, its panel open. */
    static String eventUrl(StoredFinding finding, String eventId) {
        Instant last = instant(finding.time());
        Instant first = instant(finding.first());
        var form = SearchForm.of(LuceneText.term("event.id", eventId), first.minus(Duration.ofDays(1)).toString(),
                last.plus(Duration.ofDays(1)).toString(), null);
        return form.url() + "&open=" + SearchForm.enc(finding.eventIndex() + "/" + eventId);
    }

    /** The first events of a finding, as many as the flyout lists. */
    static List<String> listedEvents(StoredFinding finding) {
        return finding.eventIds().subList(0, Math.min(finding.eventIds().size(), MAX_LISTED_EVENTS));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
