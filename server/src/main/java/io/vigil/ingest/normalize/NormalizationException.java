package io.vigil.ingest.normalize;

/** A record that parsed but cannot become an event, with the reason. */
public class NormalizationException extends Exception {

    public NormalizationException(String reason) {
        super(reason);
    }
}
