package io.vigil.access;

import io.quarkus.qute.TemplateEnum;

/**
 * What a user may do. Code is guarded by permissions, never by role names: roles map to
 * permissions in exactly one place, {@link RolePermissions}.
 *
 * <p>Endpoints name a permission with {@code @PermissionsAllowed(Permission.Names.X)}; the string
 * constants exist because annotation values must be compile-time constants, and a test checks
 * that they match the enum.
 */
@TemplateEnum // templates ask {#if inject:currentUser.user.can(Permission:EVENTS_READ)}
public enum Permission {

    CONSOLE_USE(Names.CONSOLE_USE, "Use the console and see one's own profile"),
    EVENTS_READ(Names.EVENTS_READ, "Search and read raw events"),
    ALERTS_READ(Names.ALERTS_READ, "See alerts"),
    ALERTS_TRIAGE(Names.ALERTS_TRIAGE, "Triage alerts and open incidents from them"),
    INCIDENTS_READ(Names.INCIDENTS_READ, "See incidents"),
    INCIDENTS_OPEN(Names.INCIDENTS_OPEN, "Open incidents, escalate alerts into them, comment and add evidence"),
    INCIDENTS_WORK(Names.INCIDENTS_WORK, "Work incidents: state, severity, tasks, resolution"),
    INCIDENTS_ASSIGN(Names.INCIDENTS_ASSIGN, "Assign incidents and their tasks to handlers"),
    RULES_READ(Names.RULES_READ, "Read detection rules"),
    RULES_WRITE(Names.RULES_WRITE, "Write, enable and backtest detection rules"),
    POSTURE_READ(Names.POSTURE_READ, "Read posture summaries and KPIs"),
    AUDIT_READ(Names.AUDIT_READ, "Read and verify the audit trail"),
    ADMIN(Names.ADMIN, "Administer sources, ingest tokens, retention, scopes and notification channels"),
    /** Held only by ingest tokens, never by a person's role: write events to the token's own source. */
    INGEST_WRITE(Names.INGEST_WRITE, "Write events to one source");

    private final String value;
    private final String description;

    Permission(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** What the permission allows, in words for the console. */
    public String description() {
        return description;
    }

    /** The permission's name as it appears in annotations, tokens and the API ("events:read"). */
    public String value() {
        return value;
    }

    public static final class Names {

        public static final String CONSOLE_USE = "console:use";
        public static final String EVENTS_READ = "events:read";
        public static final String ALERTS_READ = "alerts:read";
        public static final String ALERTS_TRIAGE = "alerts:triage";
        public static final String INCIDENTS_READ = "incidents:read";
        public static final String INCIDENTS_OPEN = "incidents:open";
        public static final String INCIDENTS_WORK = "incidents:work";
        public static final String INCIDENTS_ASSIGN = "incidents:assign";
        public static final String RULES_READ = "rules:read";
        public static final String RULES_WRITE = "rules:write";
        public static final String POSTURE_READ = "posture:read";
        public static final String AUDIT_READ = "audit:read";
        public static final String ADMIN = "admin";
        public static final String INGEST_WRITE = "ingest:write";

        private Names() {
        }
    }
}
