package io.vigil.ingest.parse;

/**
 * Size limits of one payload: an item above {@code maxItemBytes} is rejected on its own (413) and
 * its neighbours are kept; {@code maxBodyBytes} bounds what a decompressed body may grow to, so a
 * gzip bomb cannot exhaust memory; items after the first {@code maxItems} are not read, and one
 * rejection (413) counts them.
 */
public record PayloadLimits(int maxItemBytes, long maxBodyBytes, int maxItems) {

    /**
     * A million items per request: items are held in memory while a request is read, so a body of
     * tiny items (a 15 MB file of five million empty records) must not grow without bound.
     */
    public static final PayloadLimits DEFAULT = new PayloadLimits(1 << 20, 256L << 20);

    /** Limits of these sizes, with the default number of items. */
    public PayloadLimits(int maxItemBytes, long maxBodyBytes) {
        this(maxItemBytes, maxBodyBytes, 1_000_000);
    }
}
