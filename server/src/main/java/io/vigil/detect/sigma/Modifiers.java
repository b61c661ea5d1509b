package io.vigil.detect.sigma;

import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.List;

/** The modifier chain of one field key, checked for names and combinations that make sense. */
record Modifiers(
        List<String> names,
        ValueTest.StringOp op,
        boolean all,
        boolean exists,
        boolean cased,
        boolean neq,
        boolean windash,
        boolean regex,
        int regexFlags,
        ValueTest.NumberOp compare,
        TemporalField timePart,
        boolean cidr,
        boolean expand,
        boolean fieldref,
        List<String> encodings) {

    private static final List<String> ENCODINGS = List.of("base64", "base64offset", "utf16le", "utf16be", "utf16",
            "wide");

    static Modifiers parse(List<String> names, String path) {
        var b = new Builder();
        for (String name : names) {
            b.add(name, path);
        }
        Modifiers m = b.build(names);
        m.check(path);
        return m;
    }

    boolean stringTransforms() {
        return windash || expand || !encodings.isEmpty() || op != ValueTest.StringOp.EQUALS;
    }

    private void check(String path) {
        if (exists && names.size() > 1) {
            throw refuse(path, "exists cannot be combined with other modifiers");
        }
        if (regex && (stringTransforms() || cidr || compare != null || fieldref)) {
            throw refuse(path, "re cannot be combined with string, encoding, numeric, cidr or fieldref modifiers");
        }
        if (regexFlags != 0 && !regex) {
            throw refuse(path, "regular expression flags i, m, s need the re modifier");
        }
        if ((compare != null || cidr) && (stringTransforms() || fieldref)) {
            throw refuse(path, "numeric and cidr modifiers cannot be combined with string modifiers");
        }
        if (timePart != null && (stringTransforms() || cidr || fieldref)) {
            throw refuse(path, "time modifiers take a number and only numeric comparisons");
        }
        if (fieldref && (!encodings.isEmpty() || windash || expand)) {
            throw refuse(path, "fieldref cannot be combined with encoding, windash or expand");
        }
    }

    private static SigmaException refuse(String path, String message) {
        return new SigmaException(path, "modifier:invalid-combination", message);
    }

    private static final class Builder {

        ValueTest.StringOp op = ValueTest.StringOp.EQUALS;
        boolean all, exists, cased, neq, windash, regex, cidr, expand, fieldref;
        int regexFlags;
        ValueTest.NumberOp compare;
        TemporalField timePart;
        final List<String> encodings = new ArrayList<>();

        void add(String name, String path) {
            switch (name) {
                case "contains" -> op(ValueTest.StringOp.CONTAINS, path);
                case "startswith" -> op(ValueTest.StringOp.STARTS_WITH, path);
                case "endswith" -> op(ValueTest.StringOp.ENDS_WITH, path);
                case "all" -> all = true;
                case "exists" -> exists = true;
                case "cased" -> cased = true;
                case "neq" -> neq = true;
                case "windash" -> windash = true;
                case "re" -> regex = true;
                case "i" -> regexFlags |= com.google.re2j.Pattern.CASE_INSENSITIVE;
                case "m" -> regexFlags |= com.google.re2j.Pattern.MULTILINE;
                case "s" -> regexFlags |= com.google.re2j.Pattern.DOTALL;
                case "lt" -> compare(ValueTest.NumberOp.LT, path);
                case "lte" -> compare(ValueTest.NumberOp.LTE, path);
                case "gt" -> compare(ValueTest.NumberOp.GT, path);
                case "gte" -> compare(ValueTest.NumberOp.GTE, path);
                case "cidr" -> cidr = true;
                case "expand" -> expand = true;
                case "fieldref" -> fieldref = true;
                default -> other(name, path);
            }
        }

        private void other(String name, String path) {
            if (ENCODINGS.contains(name)) {
                encodings.add(name);
            } else if (ValueTest.TimePart.byModifier(name) != null && timePart == null) {
                timePart = ValueTest.TimePart.byModifier(name);
            } else if (name.isEmpty()) {
                throw new SigmaException(path, "modifier:empty", "empty modifier (doubled '|')");
            } else {
                throw new SigmaException(path, "modifier:" + name, "unknown or repeated modifier '" + name + "'");
            }
        }

        private void op(ValueTest.StringOp value, String path) {
            if (op != ValueTest.StringOp.EQUALS) {
                throw refuse(path, "only one of contains, startswith, endswith");
            }
            op = value;
        }

        private void compare(ValueTest.NumberOp value, String path) {
            if (compare != null) {
                throw refuse(path, "only one of lt, lte, gt, gte");
            }
            compare = value;
        }

        Modifiers build(List<String> names) {
            return new Modifiers(List.copyOf(names), op, all, exists, cased, neq, windash, regex, regexFlags, compare,
                    timePart, cidr, expand, fieldref, List.copyOf(encodings));
        }
    }
}
