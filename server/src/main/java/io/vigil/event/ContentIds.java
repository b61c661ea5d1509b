package io.vigil.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids for content that carries none (a syslog line, a finding's events): the same content in
 * the same scope always gets the same id, so writing it again overwrites rather than duplicates.
 */
public final class ContentIds {

    private ContentIds() {
    }

    /** SHA-256 of the scope (a source, a rule) and the raw content, as 40 hex digits. */
    public static String of(String scope, String raw) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
