package io.vigil.detect.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of the editor's text a refusal belongs to, for its inline marker. The parser names where it
 * refused a rule as a YAML path ({@code detection.selection.eventName|sortof}) or, for text that is not
 * YAML, as "line N, column M"; this finds the path's keys in the text by their indentation.
 */
final class ErrorLines {

    private static final Pattern AT = Pattern.compile("line (\\d+)");

    private ErrorLines() {
    }

    /** The 1-based line of {@code path} in the {@code documentIndex}-th document of {@code yaml}. */
    static int line(String yaml, int documentIndex, String path) {
        String[] lines = yaml.split("\n", -1);
        Matcher at = AT.matcher(path == null ? "" : path);
        if (at.find()) {
            return Math.max(1, Math.min(lines.length, Integer.parseInt(at.group(1))));
        }
        int start = documentStart(lines, documentIndex);
        int end = start + 1;
        while (end < lines.length && !lines[end].startsWith("---")) {
            end++;
        }
        int found = start;
        int parentIndent = -1;
        String rest = path == null ? "" : path;
        while (!rest.isEmpty()) {
            int[] match = key(lines, found + (found == start && parentIndent < 0 ? 0 : 1), end, parentIndent, rest);
            if (match == null) {
                break;
            }
            found = match[0];
            parentIndent = match[1];
            rest = match[2] >= rest.length() ? "" : rest.substring(match[2] + 1);
        }
        return found + 1;
    }

    private static int documentStart(String[] lines, int documentIndex) {
        int document = lines.length > 0 && lines[0].startsWith("---") ? -1 : 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("---")) {
                document++;
            }
            if (document == documentIndex) {
                return lines[i].startsWith("---") && i + 1 < lines.length ? i + 1 : i;
            }
        }
        return 0;
    }

    /**
     * The first key of the block under the parent (lines indented deeper than {@code parentIndent}) that is
     * the longest prefix of {@code path} ending at a dot (keys hold dots: {@code userIdentity.type}): its
     * line, its indentation and the length of {@code path} it covers; null when none is there.
     */
    private static int[] key(String[] lines, int from, int end, int parentIndent, String path) {
        for (int i = from; i < end; i++) {
            String text = lines[i];
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = text.length() - text.stripLeading().length();
            if (indent <= parentIndent) {
                return null;
            }
            String key = trimmed.startsWith("- ") ? trimmed.substring(2).strip() : trimmed;
            int colon = key.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = unquote(key.substring(0, colon).strip());
            if (path.equals(name) || path.startsWith(name + ".")) {
                return new int[]{i, indent, name.length()};
            }
        }
        return null;
    }

    private static String unquote(String key) {
        boolean quoted = key.length() > 1 && (key.startsWith("'") && key.endsWith("'")
                || key.startsWith("\"") && key.endsWith("\""));
        return quoted ? key.substring(1, key.length() - 1) : key;
    }
}
