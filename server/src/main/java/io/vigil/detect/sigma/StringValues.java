package io.vigil.detect.sigma;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Pattern;

/**
 * The string pipeline of one value: windash permutations, wildcard parsing, encodings in modifier
 * order, then contains/startswith/endswith. Results without inner wildcards stay plain string
 * comparisons (no regex on the hot path).
 */
final class StringValues {

    private StringValues() {
    }

    static List<ValueTest> compile(Modifiers m, List<String> texts, String path) {
        List<String> dashed = new ArrayList<>();
        for (String text : texts) {
            dashed.addAll(m.windash() ? windash(text, path) : List.of(text));
        }
        List<Glob> globs = new ArrayList<>(dashed.size());
        dashed.forEach(t -> globs.add(Glob.parse(t)));
        List<Glob> encoded = encode(globs, m.encodings(), path);
        List<ValueTest> tests = new ArrayList<>(encoded.size());
        for (Glob g : encoded) {
            tests.add(toTest(wrap(g, m.op()), m.cased()));
        }
        return tests;
    }

    private static List<String> windash(String text, String path) {
        List<String> variants = Encodings.windash(text);
        if (variants == null) {
            throw new SigmaException(path, "windash:too-many-dashes",
                    "windash on a value with more than " + Encodings.MAX_WINDASH + " dashes");
        }
        return variants;
    }

    private static List<Glob> encode(List<Glob> globs, List<String> encodings, String path) {
        List<Glob> current = globs;
        boolean binary = false;
        for (String encoding : encodings) {
            List<Glob> next = new ArrayList<>();
            for (Glob g : current) {
                if (g.hasWildcards()) {
                    throw new SigmaException(path, encoding + ":wildcard",
                            "wildcards cannot be encoded with " + encoding);
                }
                String text = g.text();
                switch (encoding) {
                    case "utf16le", "wide" -> next.add(Glob.literal(Encodings.utf16le(text)));
                    case "utf16be" -> next.add(Glob.literal(Encodings.utf16be(text)));
                    case "utf16" -> next.add(Glob.literal(Encodings.utf16(text)));
                    case "base64" -> next.add(Glob.literal(Encodings.base64(text, binary)));
                    default -> Encodings.base64offset(text, binary).forEach(s -> next.add(Glob.literal(s)));
                }
            }
            binary = encoding.startsWith("utf16") || encoding.equals("wide");
            current = next;
        }
        return current;
    }

    private static Glob wrap(Glob g, ValueTest.StringOp op) {
        return switch (op) {
            case EQUALS -> g;
            case CONTAINS -> g.prepend(Glob.STAR).append(Glob.STAR);
            case STARTS_WITH -> g.append(Glob.STAR);
            case ENDS_WITH -> g.prepend(Glob.STAR);
        };
    }

    /** Leading/trailing {@code *} around one literal are plain string operations; anything else is RE2. */
    static ValueTest toTest(Glob g, boolean cased) {
        List<Glob.Piece> p = new ArrayList<>(g.pieces());
        boolean leading = !p.isEmpty() && p.get(0) instanceof Glob.AnyChars;
        while (!p.isEmpty() && p.get(0) instanceof Glob.AnyChars) {
            p.remove(0);
        }
        boolean trailing = !p.isEmpty() && p.get(p.size() - 1) instanceof Glob.AnyChars;
        while (!p.isEmpty() && p.get(p.size() - 1) instanceof Glob.AnyChars) {
            p.remove(p.size() - 1);
        }
        if (p.isEmpty() && (leading || trailing)) {
            return new ValueTest.Wildcard("*", Pattern.compile("(?s).*"));
        }
        if (p.size() <= 1 && p.stream().allMatch(x -> x instanceof Glob.Literal)) {
            String text = p.isEmpty() ? "" : ((Glob.Literal) p.get(0)).text();
            ValueTest.StringOp op = leading && trailing
                    ? ValueTest.StringOp.CONTAINS
                    : leading
                            ? ValueTest.StringOp.ENDS_WITH
                            : trailing
                                    ? ValueTest.StringOp.STARTS_WITH
                                    : ValueTest.StringOp.EQUALS;
            return new ValueTest.StringMatch(op, text, cased);
        }
        String source = (cased ? "(?s)" : "(?is)") + g.toRegex();
        return new ValueTest.Wildcard(describe(g), Pattern.compile(source));
    }

    private static String describe(Glob g) {
        StringBuilder sb = new StringBuilder();
        for (Glob.Piece piece : g.pieces()) {
            switch (piece) {
                case Glob.Literal l ->
                    sb.append(l.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case Glob.AnyChars a -> sb.append('*');
                case Glob.OneChar o -> sb.append('?');
            }
        }
        return sb.toString();
    }
}
