package io.vigil.ingest;

/**
 * Where a batch came from, for dead letters and for the events themselves: {@code channel} names
 * the intake ("http", "syslog udp", "s3://bucket/key", "upload trail.json.gz"), {@code peer} is
 * the sender's address when the intake knows it (written as {@code log.source.address}).
 */
public record Origin(String channel, String peer) {

    public static Origin http() {
        return new Origin("http", null);
    }

    /** Where one item of the batch sits, as shown to administrators beside a dead letter. */
    public String location(int line) {
        String where = peer == null ? channel : channel + " from " + peer;
        return where + " line " + line;
    }
}
