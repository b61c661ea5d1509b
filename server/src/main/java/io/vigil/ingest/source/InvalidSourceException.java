package io.vigil.ingest.source;

import java.util.List;

/** A source request that cannot be carried out, with every reason. */
public class InvalidSourceException extends RuntimeException {

    private final List<String> problems;

    public InvalidSourceException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
