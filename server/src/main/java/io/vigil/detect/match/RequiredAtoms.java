package io.vigil.detect.match;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.vigil.detect.sigma.Condition;
import io.vigil.detect.sigma.Detection;
import io.vigil.detect.sigma.Search;
import io.vigil.detect.sigma.ValueTest;

/**
 * Derives from a detection a necessary condition for a match: a set of {@link Atom}s such that every
 * event the rule matches satisfies at least one of them. Conservative by construction: an AND takes the
 * best part that has such a set, an OR needs one from every alternative (and unites them), and
 * anything else — NOT, regexes without a required text, {@code neq}, {@code null}, {@code exists}, {@code fieldref}, CIDR,
 * numeric comparisons, non-ASCII equality values, contains texts of under three ASCII characters —
 * gives no set, so the rule ends up on the always-check list. Keyword searches give atoms on the
 * {@link Atom#ANY_STRING} pseudo-field; a wildcard value gives its longest literal piece, a regex the
 * texts {@link RegexLiterals} finds.
 */
final class RequiredAtoms {

    /** ASCII contains texts shorter than this are not indexed: every event would pick them. */
    static final int MIN_CONTAINS = 3;

    private final Map<String, Search> searches;

    private RequiredAtoms(Map<String, Search> searches) {
        this.searches = searches;
    }

    /** The atoms, one of which every match satisfies; null when no such set was found. */
    static Set<Atom> of(Detection detection) {
        return new RequiredAtoms(detection.searches()).condition(detection.condition());
    }

    private Set<Atom> condition(Condition c) {
        return switch (c) {
            case Condition.Ref ref -> search(searches.get(ref.name()));
            case Condition.Not not -> null;
            case Condition.And and -> best(and.operands(), this::condition);
            case Condition.Or or -> union(or.operands(), this::condition);
            case Condition.Of of -> of.all()
                    ? best(of.names(), n -> search(searches.get(n)))
                    : union(of.names(), n -> search(searches.get(n)));
        };
    }

    private Set<Atom> search(Search s) {
        return switch (s) {
            case null -> null;
            case Search.AllOf all -> best(all.parts(), this::search);
            case Search.AnyOf any -> union(any.parts(), this::search);
            case Search.FieldTest f -> value(f.field(), f.test());
            // a keyword holds for some string anywhere: the same atoms on the "any string" pseudo-field
            case Search.Keywords k -> value(Atom.ANY_STRING, k.test());
        };
    }

    private static Set<Atom> value(String field, ValueTest test) {
        return switch (test) {
            case ValueTest.AnyOf any -> union(any.tests(), t -> value(field, t));
            // each value must be present, so any one of them is necessary
            case ValueTest.AllOf all -> best(all.tests(), t -> value(field, t));
            case ValueTest.StringMatch s -> string(field, s);
            case ValueTest.EqualsAny set -> set.values().stream().allMatch(Folding::ascii)
                    ? atoms(set.values().stream().<Atom>map(v -> new Atom.Equals(field, Folding.fold(v))).toList())
                    : null;
            case ValueTest.NumberEquals n -> number(field, n);
            case ValueTest.Wildcard w -> wildcard(field, w.glob());
            case ValueTest.Regex r -> regex(field, r.source());
            default -> null;
        };
    }

    private static Set<Atom> string(String field, ValueTest.StringMatch s) {
        String text = Folding.fold(s.text());
        if (s.op() == ValueTest.StringOp.EQUALS) {
            return Folding.ascii(text) ? Set.of(new Atom.Equals(field, text)) : null;
        }
        // starts/ends/contains all imply "contains"; the matcher checks the exact position later
        return GramIndex.indexable(text) ? Set.of(new Atom.Contains(field, text)) : null;
    }

    /**
     * A whole-value glob contains each of its literal pieces; the longest ASCII one of three or more
     * characters is the atom. The glob is in its described form: a backslash escapes the next character.
     */
    private static Set<Atom> wildcard(String field, String glob) {
        String best = "";
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i <= glob.length(); i++) {
            char c = i < glob.length() ? glob.charAt(i) : '*';
            if (c == '\\' && i + 1 < glob.length()) {
                piece.append(glob.charAt(++i));
                continue;
            }
            if (c == '*' || c == '?') {
                String text = Folding.fold(piece.toString());
                if (text.length() > best.length() && Folding.ascii(text)) {
                    best = text;
                }
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        return best.length() >= MIN_CONTAINS ? Set.of(new Atom.Contains(field, best)) : null;
    }

    /**
     * A match of the regex contains one of the texts {@link RegexLiterals} reads from it; folded, they
     * hold whatever its case flag. Every alternative needs an indexable ASCII text.
     */
    private static Set<Atom> regex(String field, String source) {
        List<String> texts = RegexLiterals.required(source).stream().map(Folding::fold).toList();
        if (texts.isEmpty() || !texts.stream().allMatch(t -> t.length() >= MIN_CONTAINS && Folding.ascii(t))) {
            return null;
        }
        return atoms(texts.stream().<Atom>map(t -> new Atom.Contains(field, t)).toList());
    }

    /** The matcher accepts the number's text (ignoring case) or, for numeric values, numeric equality. */
    private static Set<Atom> number(String field, ValueTest.NumberEquals n) {
        if (!Folding.ascii(n.text())) {
            return null;
        }
        Set<Atom> atoms = new LinkedHashSet<>();
        atoms.add(new Atom.Equals(field, Folding.fold(n.text())));
        String canonical = Folding.number(n.number());
        if (canonical != null) {
            atoms.add(new Atom.Equals(field, canonical));
        }
        return atoms;
    }

    /** OR: every alternative must bring a set; then any atom of any of them is necessary. */
    private static <T> Set<Atom> union(List<T> parts, Function<T, Set<Atom>> derive) {
        if (parts.isEmpty()) {
            return null;
        }
        Set<Atom> all = new LinkedHashSet<>();
        for (T part : parts) {
            Set<Atom> atoms = derive.apply(part);
            if (atoms == null) {
                return null;
            }
            all.addAll(atoms);
        }
        return all;
    }

    /** AND: every part's set is necessary; take the one that will pick the fewest candidates. */
    private static <T> Set<Atom> best(List<T> parts, Function<T, Set<Atom>> derive) {
        return parts.stream().map(derive).filter(Objects::nonNull)
                .min(Comparator.comparingInt(RequiredAtoms::cost)).orElse(null);
    }

    private static Set<Atom> atoms(List<Atom> list) {
        return list.isEmpty() ? null : new LinkedHashSet<>(list);
    }

    /**
     * A guess at how often the set lets an unrelated event through: an equality on a value is precise,
     * a short contains text is not.
     */
    static int cost(Set<Atom> atoms) {
        int cost = 0;
        for (Atom a : atoms) {
            cost += switch (a) {
                case Atom.Equals e -> 2;
                case Atom.Contains c -> c.text().length() >= 8 ? 4 : c.text().length() >= 5 ? 8 : 16;
            };
        }
        return cost;
    }
}
