package io.vigil.ingest.source;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vigil.access.ScopeSources;

/**
 * Data scopes as the sources define them: a scope is the set of sources that name it. Read from
 * PostgreSQL on each request that needs it, so a source moved to another scope is seen at once by
 * every replica.
 */
@ApplicationScoped
public class SourceScopes implements ScopeSources {

    @Override
    @Transactional
    public Set<String> sourcesIn(Set<String> scopes) {
        if (scopes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(IngestSource.<IngestSource>list("scope in ?1", List.copyOf(scopes)).stream()
                .map(source -> source.name).toList());
    }
}
