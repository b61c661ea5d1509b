package io.vigil.detect.alert;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an alert is in triage: new, acknowledged (someone is on it), closed with a reason, or escalated
 * (handed to incident handling; the incident links back to it).
 */
public enum AlertState {

    NEW("new"),
    ACKNOWLEDGED("acknowledged"),
    CLOSED("closed"),
    ESCALATED("escalated");

    private final String id;

    AlertState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<AlertState> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Why an alert was closed. */
    public enum CloseReason {

        TRUE_POSITIVE("true_positive"),
        FALSE_POSITIVE("false_positive"),
        BENIGN("benign");

        private final String id;

        CloseReason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<CloseReason> of(String id) {
            return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
        }
    }
}
