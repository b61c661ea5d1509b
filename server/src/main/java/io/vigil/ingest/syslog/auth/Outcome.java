package io.vigil.ingest.syslog.auth;

/** The result an authentication message reports, in ECS {@code event.outcome} words. */
public enum Outcome {

    SUCCESS("success"),
    FAILURE("failure"),
    UNKNOWN("unknown");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /** The ECS {@code event.outcome} value. */
    public String code() {
        return code;
    }
}
