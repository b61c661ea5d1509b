package io.vigil.ingest.syslog;

import java.time.Instant;

/**
 * One syslog message, split into its header parts. Any part the line did not carry is null;
 * {@code format} is {@code rfc5424}, {@code rfc3164} or {@code unstructured}.
 */
public record SyslogMessage(Integer priority, Instant timestamp, String host, String app, String procId,
        String msgId, String message, String format) {

    public Integer facility() {
        return priority == null ? null : priority / 8;
    }

    public Integer severity() {
        return priority == null ? null : priority % 8;
    }
}
