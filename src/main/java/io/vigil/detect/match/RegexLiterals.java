package io.vigil.detect.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts some match of a regular expression must contain, read conservatively from its source: for each
 * top-level alternative, its longest run of plain characters that is neither optional nor broken by a
 * class, group, wildcard or escape sequence. {@code .+:assumed-role/aws:.+} gives
 * {@code :assumed-role/aws:}; {@code (a|b)x} gives nothing useful. When in doubt the run ends, so a text
 * returned is always required; folding it is a superset of any case-insensitive flag.
 */
final class RegexLiterals {

    private RegexLiterals() {
    }

    /**
     * One required text per top-level alternative (the match contains at least one of them), or an
     * empty list when some alternative has none.
     */
    static List<String> required(String regex) {
        if (regex.contains("\\Q")) {
            return List.of(); // quoted stretches are not worth reading: no texts
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

    private static String longestRun(String branch) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < branch.length(); i++) {
            char c = branch.charAt(i);
            switch (c) {
                case '\\' -> {
                    char next = i + 1 < branch.length() ? branch.charAt(i + 1) : 'd';
                    i++;
                    if (Character.isLetterOrDigit(next)) {
                        best = end(run, best); // a class (\d), an anchor (\b), a code (\x41): not plain
                    } else {
                        run.append(next);
                    }
                }
                case '*', '?' -> {
                    dropLast(run); // the character before was optional
                    best = end(run, best);
                }
                case '{' -> {
                    // {0,n} makes the character before optional; {n} repeats it, so what follows is
                    // not adjacent either way
                    if (branch.startsWith("{0", i) || branch.startsWith("{,", i)) {
                        dropLast(run);
                    }
                    int close = branch.indexOf('}', i);
                    i = close < 0 ? branch.length() : close;
                    best = end(run, best);
                }
                case '+' -> {
                    best = end(run, best); // at least once: the run so far stands, the next is not adjacent
                }
                case '[' -> {
                    i = classEnd(branch, i);
                    best = end(run, best);
                }
                case '(' -> {
                    i = groupEnd(branch, i);
                    best = end(run, best);
                }
                case '.', '^', '$', ')', ']', '}', '|' -> best = end(run, best);
                default -> run.append(c);
            }
        }
        return end(run, best);
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
