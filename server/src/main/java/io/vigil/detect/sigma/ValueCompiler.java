package io.vigil.detect.sigma;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** Compiles the values of one {@code field|modifiers} key into a {@link ValueTest}. */
final class ValueCompiler {

    /** Plain equality lists at least this long become one hash-set lookup. */
    private static final int SET_THRESHOLD = 8;
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("%([A-Za-z0-9_.\\-]+)%");
    /** Integers whose text is also their canonical form, so set lookup by text is exact. */
    private static final java.util.regex.Pattern CANONICAL_INTEGER = java.util.regex.Pattern
            .compile("-?[1-9][0-9]{0,17}|0");

    private final Map<String, List<String>> placeholders;
    private final boolean unknownAsWildcard;

    ValueCompiler(Map<String, List<String>> placeholders, boolean unknownAsWildcard) {
        this.placeholders = placeholders;
        this.unknownAsWildcard = unknownAsWildcard;
    }

    ValueTest compile(Modifiers m, List<Yaml.Scalar> values, String path) {
        if (values.isEmpty()) {
            throw new SigmaException(path, "detection:empty-value-list", "a field needs at least one value");
        }
        if (m.exists()) {
            return exists(values, path);
        }
        if (values.size() > 1 && values.stream().anyMatch(v -> v.kind() == Yaml.Kind.NULL)) {
            throw new SigmaException(path, "detection:null-in-list",
                    "null shares no type with other values and cannot be part of a value list; use its own search");
        }
        List<ValueTest> tests = new ArrayList<>();
        for (Yaml.Scalar value : values) {
            tests.addAll(compileOne(m, value, path));
        }
        ValueTest combined = m.all() ? allOf(tests) : anyOf(tests, m.cased());
        return m.neq() ? new ValueTest.Not(combined) : combined;
    }

    private static ValueTest exists(List<Yaml.Scalar> values, String path) {
        if (values.size() != 1 || values.get(0).kind() != Yaml.Kind.BOOL) {
            throw new SigmaException(path, "modifier:exists", "exists takes exactly one boolean value");
        }
        return new ValueTest.Exists(Boolean.parseBoolean(bool(values.get(0).text())));
    }

    private List<ValueTest> compileOne(Modifiers m, Yaml.Scalar value, String path) {
        if (value.kind() == Yaml.Kind.NULL) {
            return List.of(new ValueTest.IsNull());
        }
        if (m.timePart() != null) {
            return List.of(new ValueTest.TimePart(m.timePart(),
                    compare(m.compare() == null ? ValueTest.NumberOp.EQ : m.compare(), value, path)));
        }
        if (m.compare() != null) {
            return List.of(compare(m.compare(), value, path));
        }
        if (m.cidr()) {
            return List.of(cidr(value.text(), path));
        }
        if (m.regex()) {
            return List.of(regex(value.text(), m.regexFlags(), path));
        }
        if (m.fieldref()) {
            return List.of(new ValueTest.FieldRef(value.text(), m.op(), m.cased()));
        }
        if (!m.stringTransforms() && isNumber(value)) {
            return List.of(new ValueTest.NumberEquals(value.text(), new BigDecimal(value.text())));
        }
        String text = value.kind() == Yaml.Kind.BOOL ? bool(value.text()) : value.text();
        return StringValues.compile(m, expand(m, text, path), path);
    }

    private static boolean isNumber(Yaml.Scalar value) {
        if (value.kind() != Yaml.Kind.INT && value.kind() != Yaml.Kind.FLOAT) {
            return false;
        }
        try {
            new BigDecimal(value.text());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> "true";
            default -> "false";
        };
    }

    private static ValueTest compare(ValueTest.NumberOp op, Yaml.Scalar value, String path) {
        try {
            return new ValueTest.NumberCompare(op, new BigDecimal(value.text().trim()));
        } catch (NumberFormatException e) {
            throw new SigmaException(path, "modifier:numeric-value",
                    "numeric modifiers need a number, got '" + value.text() + "'");
        }
    }

    private static ValueTest cidr(String text, String path) {
        IPAddress network = new IPAddressString(text.trim()).getAddress();
        if (network == null) {
            throw new SigmaException(path, "cidr:invalid", "not an IPv4 or IPv6 network: '" + text + "'");
        }
        return new ValueTest.Cidr(text, network.isPrefixed() ? network.toPrefixBlock() : network);
    }

    private static ValueTest regex(String source, int flags, String path) {
        if (RegexSize.estimate(source) > RegexSize.MAX_ATOMS) {
            throw new SigmaException(path, "re:too-large",
                    "regular expression unrolls to more than " + RegexSize.MAX_ATOMS
                            + " atoms (nested counted repetition)");
        }
        try {
            return new ValueTest.Regex(source, Pattern.compile(source, flags));
        } catch (PatternSyntaxException e) {
            throw new SigmaException(path, "re:unsupported-syntax",
                    "regular expression not supported by RE2 (linear-time: no backreferences or lookaround): "
                            + e.getMessage());
        }
    }

    /** {@code expand}: each {@code %name%} becomes each value configured for it. */
    private List<String> expand(Modifiers m, String text, String path) {
        if (!m.expand()) {
            return List.of(text);
        }
        var matcher = PLACEHOLDER.matcher(text);
        if (!matcher.find()) {
            return List.of(text);
        }
        List<String> values = placeholders.get(matcher.group(1));
        if (values == null && unknownAsWildcard) {
            values = List.of("*");
        }
        if (values == null) {
            throw new SigmaException(path, "expand:unknown-placeholder",
                    "placeholder %" + matcher.group(1) + "% has no configured values");
        }
        String before = text.substring(0, matcher.start());
        List<String> out = new ArrayList<>();
        for (String rest : expand(m, text.substring(matcher.end()), path)) {
            for (String v : values) {
                out.add(before + v + rest);
            }
        }
        return out;
    }

    private static ValueTest allOf(List<ValueTest> tests) {
        return tests.size() == 1 ? tests.get(0) : new ValueTest.AllOf(tests);
    }

    /** OR of the tests; long plain equality lists collapse into one set so they cost one lookup. */
    static ValueTest anyOf(List<ValueTest> tests, boolean cased) {
        Set<String> set = new HashSet<>();
        List<ValueTest> rest = new ArrayList<>();
        for (ValueTest t : tests) {
            String key = setKey(t, cased);
            if (key != null) {
                set.add(key);
            } else {
                rest.add(t);
            }
        }
        if (set.size() < SET_THRESHOLD) {
            return tests.size() == 1 ? tests.get(0) : new ValueTest.AnyOf(tests);
        }
        rest.add(new ValueTest.EqualsAny(set, cased));
        return rest.size() == 1 ? rest.get(0) : new ValueTest.AnyOf(rest);
    }

    private static String setKey(ValueTest t, boolean cased) {
        return switch (t) {
            case ValueTest.StringMatch s when s.op() == ValueTest.StringOp.EQUALS && s.cased() == cased ->
                cased ? s.text() : s.text().toLowerCase(Locale.ROOT);
            case ValueTest.NumberEquals n when CANONICAL_INTEGER.matcher(n.text()).matches() -> n.text();
            default -> null;
        };
    }
}
