package io.vigil.ingest.source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.qute.TemplateExtension;

/** One data scope on the Sources page: its name and the sources in it. */
public record ScopeRow(String scope, List<String> sources) {

    /** The scopes the listed sources make up, by name ({@code {scopes:of(sources)}} in templates). */
    @TemplateExtension(namespace = "scopes")
    static List<ScopeRow> of(List<SourceView> sources) {
        Map<String, List<String>> byScope = new TreeMap<>();
        for (SourceView source : sources) {
            byScope.computeIfAbsent(source.scope(), s -> new java.util.ArrayList<>()).add(source.name());
        }
        return byScope.entrySet().stream().map(e -> new ScopeRow(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
