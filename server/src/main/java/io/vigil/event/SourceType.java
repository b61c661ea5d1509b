package io.vigil.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of event source Vigil understands; each has its own parser and normalizer. */
public enum SourceType {

    /** AWS CloudTrail records: a {@code {"Records":[...]}} file, an array, or one record per line. */
    CLOUDTRAIL,
    /** Syslog (RFC 3164 / 5424) lines, including sshd, PAM, sudo and iptables messages. */
    SYSLOG,
    /** Any JSON object per event. */
    JSON,
    /** AWS VPC Flow Logs: space-separated records, default (v2) or custom format with its header line. */
    VPCFLOW;

    /** Lower-case name as used in the API and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceType> of(String id) {
        return Arrays.stream(values()).filter(type -> type.id().equalsIgnoreCase(id)).findFirst();
    }
}
