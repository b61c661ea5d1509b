package io.vigil.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of an ingest request after decompression, with what went wrong on the way: a truncated
 * gzip stream keeps everything that was decompressed before the damage.
 */
public record Payload(byte[] bytes, String damage) {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    /** Reads a body, gunzipping it when it is gzip (by header or by its magic bytes). */
    public static Payload read(InputStream body, boolean declaredGzip, PayloadLimits limits) throws IOException {
        var in = new java.io.BufferedInputStream(body);
        in.mark(2);
        boolean gzip = declaredGzip || (in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2);
        in.reset();
        if (!gzip) {
            return new Payload(readCapped(in, limits.maxBodyBytes()), null);
        }
        var out = new ByteArrayOutputStream();
        try (var gunzip = new GZIPInputStream(in)) {
            copyCapped(gunzip, out, limits.maxBodyBytes());
            return new Payload(out.toByteArray(), null);
        } catch (EOFException e) {
            return new Payload(out.toByteArray(), "gzip input is truncated");
        } catch (ZipException e) {
            return new Payload(out.toByteArray(), "gzip input is corrupt: " + e.getMessage());
        }
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        var out = new ByteArrayOutputStream();
        copyCapped(in, out, cap);
        return out.toByteArray();
    }

    private static void copyCapped(InputStream in, ByteArrayOutputStream out, long cap) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > cap) {
                throw new PayloadTooLargeException("the body is larger than " + (cap >> 20)
                        + " MiB once decompressed; send it in smaller batches");
            }
            out.write(buffer, 0, n);
        }
    }

    /** The whole body is refused: it is larger than any batch may be. */
    public static class PayloadTooLargeException extends IOException {

        public PayloadTooLargeException(String message) {
            super(message);
        }
    }
}
