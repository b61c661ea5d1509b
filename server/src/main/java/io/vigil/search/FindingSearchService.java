package io.vigil.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.access.VigilUser;
import io.vigil.event.Level;
import io.vigil.index.FindingsBrowser;
import io.vigil.index.FindingsBrowser.Filter;
import io.vigil.index.FindingsReader;
import io.vigil.index.FindingsReader.StoredFinding;

/**
 * Every read of findings, in the user's data scope (DESIGN.md §3), as every read of events goes
 * through {@link EventSearchService}: the newest, one event's, a filtered page with counts per rule, and
 * the findings folded by rule and key.
 */
@ApplicationScoped
public class FindingSearchService {

    private final FindingsReader findings;
    private final FindingsBrowser browser;

    FindingSearchService(FindingsReader findings, FindingsBrowser browser) {
        this.findings = findings;
        this.browser = browser;
    }

    /** The newest findings in the user's scope, optionally of one rule or level. */
    public List<StoredFinding> latest(VigilUser user, String ruleId, String level, int limit) {
        return findings.latest(ruleId, level, limit, SearchScope.of(user).sources());
    }

    /** What detection found in one event (in the user's scope), most severe first. */
    public List<StoredFinding> ofEvent(VigilUser user, String eventId) {
        List<StoredFinding> found = new ArrayList<>(findings.forEvent(eventId, SearchScope.of(user).sources()));
        found.sort(Comparator.comparingInt(f -> Level.rank(f.level())));
        return found;
    }

    /** One finding by its ref ("index/id"), if it exists in the user's scope. */
    public Optional<StoredFinding> one(VigilUser user, String ref) {
        return findings.byRef(ref, SearchScope.of(user).sources());
    }

    /** A page of findings in the order asked, their total and the rules among them, in the user's scope. */
    public FindingsBrowser.Page page(VigilUser user, Filter filter, FindingsBrowser.Order order, boolean ascending,
            String after, int size) {
        return browser.page(filter, order, ascending, after, size, SearchScope.of(user).filter());
    }

    /** The filtered findings folded by rule and a group-by field, in the user's scope. */
    public List<FindingsBrowser.Group> groups(VigilUser user, Filter filter, String field, int size) {
        return browser.groups(filter, field, size, SearchScope.of(user).filter());
    }
}
