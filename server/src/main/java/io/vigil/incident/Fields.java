package io.vigil.incident;

/** Checks of the text fields people fill in: required or not, and how long. */
final class Fields {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;

    private Fields() {
    }

    static String required(String field, String value, int max) {
        if (blank(value)) {
            throw IncidentProblem.invalid(field + ": required");
        }
        return optional(field, value, max);
    }

    static String optional(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw IncidentProblem.invalid(field + ": at most " + max + " characters (" + v.length() + " given)");
        }
        return v;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
