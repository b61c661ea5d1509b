package io.vigil.detect.sigma;

import java.util.List;

/**
 * A compiled Sigma detection rule: its metadata (the optional {@code name} is how correlations may refer
 * to it), the typed detection and the YAML it came from (kept so
 * the rule can be shown and versioned exactly as written).
 */
public record SigmaRule(
        String id,
        String name,
        String title,
        String status,
        String level,
        String description,
        String author,
        List<String> references,
        List<String> tags,
        LogSource logsource,
        List<String> falsepositives,
        Detection detection,
        String yaml) {

    public SigmaRule {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        falsepositives = List.copyOf(falsepositives);
    }

    /** The {@code logsource} section; absent keys are null. */
    public record LogSource(String product, String category, String service, String definition) {
    }
}
