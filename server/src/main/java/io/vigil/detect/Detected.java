package io.vigil.detect;

import java.util.List;

import io.vigil.detect.correlate.CorrelationEngine.Match;
import io.vigil.index.EventIndexer;

/**
 * What detection made of one ingest batch: finding documents, stored with the events in one bulk request;
 * then, once stored, the findings that alert and the matches correlations count
 * ({@link DetectionService#stored}).
 */
public record Detected(List<EventIndexer.Document> documents, List<Finding> findings, List<Match> matches) {

    public static final Detected NOTHING = new Detected(List.of(), List.of(), List.of());

    public Detected {
        documents = List.copyOf(documents);
        findings = List.copyOf(findings);
        matches = List.copyOf(matches);
    }
}
