package io.vigil.incident;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The content types an attachment may declare, each with the check its bytes must pass: a file that says it
 * is a PNG must start as one, a text must be UTF-8 without NUL bytes. Types a browser would run or render as
 * a page (HTML, SVG, scripts) are not accepted at all; anything else may come as
 * {@code application/octet-stream} and is only ever downloaded.
 */
enum AttachmentType {

    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    GIF("image/gif", new byte[]{'G', 'I', 'F', '8'}),
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    ZIP("application/zip", new byte[]{'P', 'K', 3, 4}),
    GZIP("application/gzip", new byte[]{0x1F, (byte) 0x8B}),
    TEXT("text/plain", null),
    CSV("text/csv", null),
    JSON("application/json", null),
    BINARY("application/octet-stream", null);

    static final List<String> IDS = Arrays.stream(values()).map(t -> t.id).toList();

    final String id;
    private final byte[] magic;

    AttachmentType(String id, byte[] magic) {
        this.id = id;
        this.magic = magic;
    }

    static Optional<AttachmentType> of(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(bare)).findFirst();
    }

    /** Why the bytes are not what this type says, or empty when they are. */
    Optional<String> mismatch(byte[] content) {
        if (magic != null) {
            boolean starts = content.length >= magic.length
                    && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
            return starts
                    ? Optional.empty()
                    : Optional.of("the content type says " + id + " but the file does not "
                            + "start as one" + sniffed(content).map(t -> " (it looks like " + t.id + ")").orElse(""));
        }
        if (this == BINARY) {
            return Optional.empty();
        }
        for (byte b : content) {
            if (b == 0) {
                return Optional.of("the content type says " + id + " but the file holds NUL bytes");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("the content type says " + id + " but the file is not UTF-8 text");
        }
    }

    private static Optional<AttachmentType> sniffed(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.magic != null && t.startsAs(content)).findFirst();
    }

    private boolean startsAs(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
