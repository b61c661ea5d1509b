package io.vigil.detect.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts some match of a regular expression must contain, read conservatively from its source: for each
 * top-level alternative, its longest run of plain characters that is neither optional nor broken by a
 * class, group, wildcard or escape sequence. {@code .+:assumed-role/aws:.+} gives
 * {@code :assumed-role/aws:}; {@code (a|b)x} gives nothing useful. When in doubt the run ends, so a text
 * returned is always required (escapes it cannot decode give no texts at all); folding it is a superset
 * of any case-insensitive flag.
 */
final class RegexLiterals {

    private RegexLiterals() {
    }

    /**
     * One required text per top-level alternative (the match contains at least one of them), or an
     * empty list when some alternative has none.
     */
    static List<String> required(String regex) {
        if (hasUnreadEscape(regex)) {
            return List.of(); // \x41, \101, \pL, \Q…: a character the plain reading would get wrong
        }
        List<String> texts = new ArrayList<>();
        for (String branch : topLevelBranches(regex)) {
            String text = longestRun(branch);
            if (text.isEmpty()) {
                return List.of();
            }
            texts.add(text);
        }
        return texts;
    }

    private static List<String> topLevelBranches(String regex) {
        List<String> branches = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                i = groupEnd(regex, i);
            } else if (c == '|') {
                branches.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(regex.substring(start));
        return branches;
    }

    /**
     * Whether an escape stands for something other than one class or anchor letter ({@code \\d \\w \\s
     * \\b} and their capitals, {@code \\A \\z}) or one punctuation character: such escapes are codes,
     * properties or quotes whose text this reading does not decode.
     */
    private static boolean hasUnreadEscape(String regex) {
        for (int i = 0; i + 1 < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                char next = regex.charAt(++i);
                if (Character.isLetterOrDigit(next) && "dwsDWSbBAz".indexOf(next) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String longestRun(String branch) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < branch.length(); i++) {
            char c = branch.charAt(i);
            if (c == '\\') {
                char next = i + 1 < branch.length() ? branch.charAt(++i) : 'd';
                if (Character.isLetterOrDigit(next)) {
                    best = end(run, best); // a class (\d) or an anchor (\b): not a character of the text
                } else {
                    run.append(next);
                }
            } else if (c == '*' || c == '?' || c == '{') {
                // optional ({0,n}, ?, *) drops the character before; any repeat ends the run
                if (c != '{' || branch.startsWith("{0", i) || branch.startsWith("{,", i)) {
                    dropLast(run);
                }
                i = c == '{' ? closing(branch, i, '}') : i;
                best = end(run, best);
            } else if (c == '[' || c == '(') {
                i = c == '[' ? classEnd(branch, i) : groupEnd(branch, i);
                best = end(run, best);
            } else if ("+.^$)]}|".indexOf(c) >= 0) {
                best = end(run, best); // + keeps the run (at least once); the rest are not plain text
            } else {
                run.append(c);
            }
        }
        return end(run, best);
    }

    private static int closing(String s, int from, char close) {
        int at = s.indexOf(close, from);
        return at < 0 ? s.length() : at;
    }

    private static String end(StringBuilder run, String best) {
        String text = run.toString();
        run.setLength(0);
        return text.length() > best.length() ? text : best;
    }

    private static void dropLast(StringBuilder run) {
        if (!run.isEmpty()) {
            run.setLength(run.length() - 1);
        }
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or the end. */
    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++; // a leading ] is a member
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                int close = s.indexOf(":]", i + 2);
                i = close < 0 ? s.length() : close + 1; // [:alpha:]
            } else if (c == ']') {
                return i;
            }
        }
        return s.length();
    }

    /** The index of the {@code )} closing the group opened at {@code open}, or the end. */
    private static int groupEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }
}
