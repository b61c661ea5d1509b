package io.vigil.detect.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.detect.correlate.CorrelationSet;
import io.vigil.detect.sigma.SigmaCorrelation;
import io.vigil.detect.sigma.SigmaParser;
import io.vigil.detect.sigma.SigmaResult;

/**
 * Checks an import's correlations before they are stored: every rule they name (by id or name) must be in
 * the import or stored already, and no chain of correlations may come back to itself. The refusal names
 * the place and the feature, as a detection rule's does.
 */
final class CorrelationReferences {

    private static final SigmaParser PARSER = new SigmaParser();

    private CorrelationReferences() {
    }

    /** What the import answers for a refused correlation. */
    static RuleService.Imported refused(SigmaResult result, String refusal) {
        var c = ((SigmaResult.Correlation) result).correlation();
        return new RuleService.Imported(result.documentIndex(), c.id(), c.title(), "refused", "Sigma rule '"
                + c.title() + "' (" + c.id() + ", document " + result.documentIndex() + ") " + refusal);
    }

    /** Document index to the refusal, for the correlations of the stream that cannot run. */
    static Map<Integer, String> refusals(List<SigmaResult> stream) {
        if (stream.stream().noneMatch(r -> r instanceof SigmaResult.Correlation)) {
            return Map.of();
        }
        Map<String, String> references = new HashMap<>();
        Map<String, SigmaCorrelation> correlations = new LinkedHashMap<>();
        // ids and names of every stored rule, the YAML of the correlations only (thousands of rules are stored)
        for (Object row : DetectionRule.getEntityManager().createQuery(
                "select r.id, r.name, case when r.kind = 'correlation' then r.yaml end from DetectionRule r")
                .getResultList()) {
            Object[] cells = (Object[]) row;
            String id = (String) cells[0];
            references.put(id, id);
            if (cells[1] != null) {
                references.putIfAbsent((String) cells[1], id);
            }
            if (cells[2] != null && PARSER.parseOne((String) cells[2]) instanceof SigmaResult.Correlation c) {
                correlations.put(id, c.correlation());
            }
        }
        Map<String, Integer> documents = new HashMap<>();
        for (SigmaResult result : stream) {
            switch (result) {
                case SigmaResult.Rule r when r.rule().id() != null -> {
                    references.put(r.rule().id(), r.rule().id());
                    if (r.rule().name() != null) {
                        references.put(r.rule().name(), r.rule().id());
                    }
                }
                case SigmaResult.Correlation c when c.correlation().id() != null -> {
                    correlations.put(c.correlation().id(), c.correlation());
                    documents.put(c.correlation().id(), c.documentIndex());
                }
                default -> {
                }
            }
        }
        var set = CorrelationSet.of(correlations, reference -> Optional.ofNullable(references.get(reference)));
        Map<Integer, String> refusals = new HashMap<>();
        for (var refusal : set.refused()) {
            Integer document = documents.get(refusal.id());
            if (document != null) {
                refusals.putIfAbsent(document, "refused at " + refusal.path() + " [" + refusal.feature() + "]: "
                        + refusal.message() + (refusal.feature().equals("correlation:unknown-rule")
                                ? " (in this import or stored)"
                                : ""));
            }
        }
        return refusals;
    }
}
