package io.vigil.search;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.ScopeSources;
import io.vigil.access.VigilUser;

/**
 * Saved searches: a user's own, and those others shared. Saving under a name the user already used
 * replaces that search (the link others hold keeps working); only the owner changes or deletes it.
 */
@ApplicationScoped
public class SavedSearchService {

    static final int MAX_NAME = 120;

    private final Clock clock = Clock.systemUTC();
    private final ScopeSources scopes;

    SavedSearchService(ScopeSources scopes) {
        this.scopes = scopes;
    }

    /** The user's own searches and the shared ones of authors whose scopes the user's cover, by name. */
    public List<SavedSearchView> visible(VigilUser user) {
        List<SavedSearch> found = SavedSearch.list("owner = ?1 or shared = true order by lower(name)",
                user.username());
        // authors share scopes: each set of them is resolved to sources once, not once per search
        Map<String, Set<String>> sourcesOf = new HashMap<>();
        return found.stream().filter(s -> mayRead(user, s, sourcesOf)).map(s -> SavedSearchView.of(s, user.username()))
                .toList();
    }

    public Optional<SavedSearchView> find(VigilUser user, String id) {
        return parse(id).flatMap(uuid -> SavedSearch.<SavedSearch>findByIdOptional(uuid))
                .filter(s -> mayRead(user, s, new HashMap<>()))
                .map(s -> SavedSearchView.of(s, user.username()));
    }

    /**
     * One's own search, or a shared one whose author could read no source the user cannot: its name and
     * query may tell what is in the author's sources (a user name, an address), so they stay inside.
     */
    private boolean mayRead(VigilUser user, SavedSearch search, Map<String, Set<String>> sourcesOf) {
        if (search.owner.equals(user.username())) {
            return true;
        }
        if (!search.shared) {
            return false;
        }
        if (user.sourceScope().isEmpty()) {
            return true;
        }
        if (search.ownerScopes == null) {
            return false;
        }
        return user.sourceScope().get().containsAll(sourcesOf.computeIfAbsent(search.ownerScopes,
                names -> scopes.sourcesIn(Set.of(names.split(",")))));
    }

    /** Saves the search under the name (as typed: a search with a mistake can be kept and fixed later). */
    @Transactional
    public SavedSearchView save(VigilUser user, String name, SearchForm form, boolean shared) {
        String title = name == null ? "" : name.strip();
        if (title.isEmpty() || title.length() > MAX_NAME) {
            throw new SearchProblem("saved search: give it a name of 1 to " + MAX_NAME + " characters", -1);
        }
        Instant now = clock.instant();
        SavedSearch search = SavedSearch.<SavedSearch>find("owner = ?1 and name = ?2", user.username(), title)
                .firstResultOptional().orElseGet(() -> {
                    SavedSearch created = new SavedSearch();
                    created.id = UUID.randomUUID();
                    created.owner = user.username();
                    created.name = title;
                    created.createdAt = now;
                    return created;
                });
        search.ownerName = user.displayName();
        search.query = form.q();
        search.rangeFrom = form.from();
        search.rangeTo = form.to();
        search.columns = form.cols();
        search.shared = shared;
        search.ownerScopes = user.scopes().map(names -> String.join(",", new java.util.TreeSet<>(names)))
                .orElse(null);
        search.updatedAt = now;
        search.persist();
        return SavedSearchView.of(search, user.username());
    }

    /** Deletes one of the user's own searches; false when there is none of that id. */
    @Transactional
    public boolean delete(VigilUser user, String id) {
        return parse(id).map(uuid -> SavedSearch.delete("id = ?1 and owner = ?2", uuid, user.username()) > 0)
                .orElse(false);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
