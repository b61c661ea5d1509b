package io.vigil.detect.sigma;

/**
 * A refused document. {@code path} points into the document (for example
 * {@code detection.selection.CommandLine|contains|foo}), {@code feature} names what was unsupported or
 * malformed in a stable, groupable form (for example {@code modifier:foo} or {@code yaml:syntax}).
 */
public record SigmaError(String title, String id, int documentIndex, String path, String feature, String message)
        implements
            SigmaResult {

    @Override
    public String toString() {
        return "Sigma rule '%s' (%s, document %d) refused at %s [%s]: %s"
                .formatted(title, id, documentIndex, path, feature, message);
    }
}
