package io.vigil.detect.notify;

import java.util.List;

/** A channel an admin wrote that cannot be kept: each problem names its field. */
public class InvalidChannelException extends RuntimeException {

    private final List<String> problems;

    InvalidChannelException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
