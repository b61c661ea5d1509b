package io.vigil.detect.sigma;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Cuts a stream into the text of each document, so every rule keeps the YAML it was written as. A
 * document runs from the end of the previous one (comments before it included, the {@code ---} line
 * dropped) to the end of its own root node. Walks the stream once: marks count code points, strings
 * count chars.
 */
final class DocumentTexts {

    private final String stream;
    private final boolean whole;
    private int codePoint;
    private int charIndex;

    DocumentTexts(String stream, boolean whole) {
        this.stream = stream;
        this.whole = whole;
    }

    String next(Node root) {
        if (whole) {
            return stream;
        }
        int start = charIndex;
        int endCodePoint = root.getEndMark().getIndex();
        try {
            charIndex = stream.offsetByCodePoints(charIndex, endCodePoint - codePoint);
            codePoint = endCodePoint;
        } catch (IndexOutOfBoundsException e) {
            charIndex = stream.length();
        }
        return stream.substring(start, Math.max(start, charIndex)).replaceFirst("^(\\s*\\n)?---[^\\n]*\\n", "").strip()
                + "\n";
    }
}
