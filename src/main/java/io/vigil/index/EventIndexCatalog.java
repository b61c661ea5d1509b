package io.vigil.index;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

import io.vigil.ops.DependencySetup;

/** The daily events indices that exist, by source and day, and their deletion (retention). */
@ApplicationScoped
public class EventIndexCatalog {

    /** One daily index of one source. */
    public record DailyIndex(String name, String source, LocalDate day) {
    }

    private static final Pattern DAILY = Pattern.compile(Pattern.quote(EventIndices.EVENTS_PREFIX)
            + "([a-z0-9][a-z0-9_-]*)-(\\d{4}\\.\\d{2}\\.\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private final OpenSearchClient client;

    EventIndexCatalog(OpenSearchClient client) {
        this.client = client;
    }

    public List<DailyIndex> dailyIndices() {
        try {
            var response = client.indices().get(g -> g.index(EventIndices.ALL_EVENTS).allowNoIndices(true)
                    .expandWildcards(org.opensearch.client.opensearch._types.ExpandWildcard.All));
            List<DailyIndex> found = new ArrayList<>();
            for (String name : response.result().keySet()) {
                parse(name).ifPresent(found::add);
            }
            return found;
        } catch (IOException | OpenSearchException e) {
            throw new StoreUnavailableException("cannot list events indices: " + DependencySetup.rootMessage(e), e);
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
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DailyIndex(name, matcher.group(1), LocalDate.parse(matcher.group(2), DAY)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
