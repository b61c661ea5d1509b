package io.vigil.search;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.quarkus.qute.TemplateExtension;
import io.vigil.index.FindingsReader.StoredFinding;

/** Links into the search page from elsewhere in the console ({@code {finding.searchUrl}} in templates). */
@TemplateExtension
public final class SearchLinks {

    private SearchLinks() {
    }

    /** The finding's event in the search page, its panel open, in a day either side of the event. */
    static String searchUrl(StoredFinding finding) {
        Instant time;
        try {
            time = Instant.parse(finding.time());
        } catch (DateTimeParseException e) {
            time = Instant.now();
        }
        var form = SearchForm.of(LuceneText.term("event.id", finding.eventId()),
                time.minus(Duration.ofDays(1)).toString(), time.plus(Duration.ofDays(1)).toString(), null);
        return form.url() + "&open=" + SearchForm.enc(finding.eventIndex() + "/" + finding.eventId());
    }
}
