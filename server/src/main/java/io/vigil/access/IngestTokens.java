package io.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ingest tokens: 256 random bits with a recognisable prefix, shown once, stored as a SHA-256 hash.
 * A fast hash is right here (unlike passwords): the token has full entropy, so the hash cannot be
 * guessed backwards, and it is checked on every ingest request.
 */
public final class IngestTokens {

    public static final String PREFIX = "vgl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IngestTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The first characters, enough to tell tokens apart in a list without revealing them. */
    public static String hint(String token) {
        return token.substring(0, Math.min(token.length(), PREFIX.length() + 6)) + "…";
    }

    public static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() > PREFIX.length() + 20;
    }
}
