package io.vigil.index;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

import io.vigil.ops.DependencySetup;

/** The daily events and findings indices that exist, by source and day, and their deletion (retention). */
@ApplicationScoped
public class EventIndexCatalog {

    /** One daily index of one source. */
    public record DailyIndex(String name, String source, LocalDate day) {
    }

    /** One daily findings index: the day its findings were found. */
    public record FindingsIndex(String name, LocalDate day) {
    }

    private static final Pattern DAILY = Pattern.compile(Pattern.quote(EventIndices.EVENTS_PREFIX)
            + "([a-z0-9][a-z0-9_-]*)-(\\d{4}\\.\\d{2}\\.\\d{2})");
    private static final Pattern FINDINGS_DAILY = Pattern.compile(Pattern.quote(EventIndices.FINDINGS_PREFIX)
            + "(\\d{4}\\.\\d{2}\\.\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final OpenSearchClient client;

    EventIndexCatalog(OpenSearchClient client) {
        this.client = client;
    }

    public List<DailyIndex> dailyIndices() {
        return names(EventIndices.ALL_EVENTS, "events").stream().flatMap(name -> parse(name).stream()).toList();
    }

    public List<FindingsIndex> findingsIndices() {
        return names(EventIndices.FINDINGS_PREFIX + "*", "findings").stream()
                .flatMap(name -> parseFindings(name).stream()).toList();
    }

    private List<String> names(String pattern, String what) {
        try {
            return List.copyOf(client.indices().get(g -> g.index(pattern).allowNoIndices(true)
                    .expandWildcards(org.opensearch.client.opensearch._types.ExpandWildcard.All)).result().keySet());
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("cannot list " + what + " indices: " + DependencySetup.rootMessage(e),
                    e);
        }
    }

    public void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("cannot delete " + index + ": " + DependencySetup.rootMessage(e), e);
        }
    }

    /** Source and day of an index name; the day is the last part, so sources may contain dashes. */
    static Optional<DailyIndex> parse(String name) {
        Matcher matcher = DAILY.matcher(name);
        return matcher.matches()
                ? day(matcher.group(2)).map(day -> new DailyIndex(name, matcher.group(1), day))
                : Optional.empty();
    }

    static Optional<FindingsIndex> parseFindings(String name) {
        Matcher matcher = FINDINGS_DAILY.matcher(name);
        return matcher.matches() ? day(matcher.group(1)).map(day -> new FindingsIndex(name, day)) : Optional.empty();
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
