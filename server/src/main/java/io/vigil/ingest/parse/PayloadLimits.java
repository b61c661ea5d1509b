package io.vigil.ingest.parse;

/**
 * Size limits of one payload: an item above {@code maxItemBytes} is rejected on its own (413) and
 * its neighbours are kept; {@code maxBodyBytes} bounds what a decompressed body may grow to, so a
 * gzip bomb cannot exhaust memory.
 */
public record PayloadLimits(int maxItemBytes, long maxBodyBytes) {

    public static final PayloadLimits DEFAULT = new PayloadLimits(1 << 20, 256L << 20);
}
