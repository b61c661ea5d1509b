package io.vigil.detect.sigma;

import java.util.List;

/** A detection condition. Quantified forms ({@code 1 of x*}, {@code all of them}) are resolved to names. */
public sealed interface Condition {

    record And(List<Condition> operands) implements Condition {

        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {

        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    /** A reference to one named search. */
    record Ref(String name) implements Condition {
    }

    /** {@code 1 of}/{@code all of} a pattern or {@code them}; {@code names} are the searches it matched. */
    record Of(boolean all, String pattern, List<String> names) implements Condition {

        public Of {
            names = List.copyOf(names);
        }
    }
}
