package io.vigil.ingest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.vigil.event.SourceType;

/**
 * What an administrator asks for when creating a source; {@code detection} (default true) says whether
 * detection rules run on its events.
 */
public record SourceRequest(String name, String type, String scope, Integer retentionDays, Boolean detection) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,47}");
    /** A scope name is also a Keycloak group's name and one word of a claim: no spaces or commas. */
    static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final String SCOPE_RULE = "scope: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"
            + " (the name of the Keycloak group that gives it)";
    static final int DEFAULT_RETENTION_DAYS = 90;

    /** Every problem with the request, each naming the field; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name: 1-48 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }
        if (type == null || SourceType.of(type).isEmpty()) {
            problems.add("type: one of cloudtrail, syslog, json, vpcflow");
        }
        if (scope != null && !SCOPE.matcher(scope.strip()).matches()) {
            problems.add(SCOPE_RULE);
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > 3650)) {
            problems.add("retentionDays: between 1 and 3650");
        }
        return problems;
    }

    /** A scope name as given, stripped; an {@link InvalidSourceException} when it is not one. */
    static String validScope(String scope) {
        if (scope == null || !SCOPE.matcher(scope.strip()).matches()) {
            throw new InvalidSourceException(List.of(SCOPE_RULE));
        }
        return scope.strip();
    }

    /** The data scope, by default the source's own name. */
    String effectiveScope() {
        return scope == null ? name : scope.trim();
    }

    boolean effectiveDetection() {
        return detection == null || detection;
    }

    int effectiveRetentionDays() {
        return retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
    }
}
