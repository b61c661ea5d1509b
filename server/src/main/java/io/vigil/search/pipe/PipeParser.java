package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vigil.search.SearchProblem;
import io.vigil.search.SearchText;
import io.vigil.search.TimeRange;
import io.vigil.search.pipe.Metric.Fn;
import io.vigil.search.pipe.PipeTokens.Token;

/**
 * Reads the pipe after the Lucene query: {@code stats}, {@code top}, {@code rare} or {@code timechart}.
 * Keywords ignore case; every refusal names the column, because the user fixes it in a one-line bar.
 */
public final class PipeParser {

    static final int MAX_BY = 3;
    static final int DEFAULT_N = 10;
    static final int MAX_N = 1000;

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_@.\\-]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");
    private static final String COMMANDS = "use stats, top, rare or timechart";
    private static final String FUNCTIONS = "use count, dc, sum, avg, min or max";

    private PipeParser() {
    }

    /**
     * The pipe of a search, or empty when there is none. {@code range} bounds a timechart's bucket
     * count; it may be null when the range is not known yet, and then no bound is applied.
     */
    public static Optional<Pipe> parse(List<SearchText.Part> pipes, TimeRange range) {
        if (pipes.isEmpty()) {
            return Optional.empty();
        }
        if (pipes.size() > 1) {
            int bar = pipes.get(1).offset() - 1;
            throw new SearchProblem("pipe: only one pipe is supported; a second starts at column " + (bar + 1), bar);
        }
        return Optional.of(parse(pipes.getFirst(), range));
    }

    private static Pipe parse(SearchText.Part part, TimeRange range) {
        PipeTokens tokens = PipeTokens.of(part);
        if (tokens.atEnd()) {
            throw PipeTokens.problem("a command must follow '|'", part.offset() - 1, COMMANDS);
        }
        Token command = tokens.take();
        Pipe pipe = switch (command.lower()) {
            case "stats" -> stats(tokens);
            case "top" -> new Pipe.Top(count(tokens), field(tokens, "top needs a field"));
            case "rare" -> new Pipe.Rare(count(tokens), field(tokens, "rare needs a field"));
            case "timechart" -> timechart(tokens, range);
            default -> throw PipeTokens.problem("unknown command '" + command.text() + "'", command.position(),
                    COMMANDS);
        };
        tokens.expectEnd();
        return pipe;
    }

    private static Pipe stats(PipeTokens tokens) {
        if (tokens.atEnd() || tokens.peekIs("by")) {
            throw PipeTokens.problem("stats needs a metric such as count()", tokens.here());
        }
        List<Metric> metrics = new ArrayList<>();
        do {
            metrics.add(metric(tokens));
        } while (tokens.takeIf(","));
        List<String> by = new ArrayList<>();
        if (tokens.takeIf("by")) {
            by.add(field(tokens, "'by' needs at least one field"));
            while (tokens.takeIf(",")) {
                if (by.size() == MAX_BY) {
                    throw PipeTokens.problem("'by' takes at most " + MAX_BY + " fields", tokens.here());
                }
                by.add(field(tokens, "a field must follow ','"));
            }
        }
        return new Pipe.Stats(metrics, by);
    }

    private static Pipe timechart(PipeTokens tokens, TimeRange range) {
        int at = tokens.here();
        if (!(tokens.takeIf("span") && tokens.takeIf("=") && tokens.peekWord())) {
            throw PipeTokens.problem(TimechartSpan.NEEDED, at);
        }
        Token value = tokens.take();
        TimechartSpan span = TimechartSpan.parse(value.text(), value.position());
        if (range != null) {
            span.checkBuckets(range, value.position());
        }
        if (tokens.atEnd() || tokens.peekIs("by")) {
            throw PipeTokens.problem("timechart needs a metric such as count()", tokens.here());
        }
        Metric metric = metric(tokens);
        String by = null;
        if (tokens.takeIf("by")) {
            by = field(tokens, "'by' needs at least one field");
            if (tokens.peekIs(",")) {
                throw PipeTokens.problem("timechart takes only one 'by' field", tokens.here());
            }
        }
        return new Pipe.Timechart(span.length(), span.text(), metric, by);
    }

    /** {@code count}, {@code count()} or a function of one field such as {@code dc(user.name)}. */
    private static Metric metric(PipeTokens tokens) {
        if (!tokens.peekWord()) {
            throw PipeTokens.problem("expected a metric such as count()", tokens.here());
        }
        Token name = tokens.take();
        Fn fn = function(name);
        if (fn == Fn.COUNT) {
            if (tokens.takeIf("(") && !tokens.takeIf(")")) {
                throw PipeTokens.problem("count() takes no field", tokens.here());
            }
            return Metric.count();
        }
        String needs = fn.text() + "() needs a field";
        if (!tokens.takeIf("(")) {
            throw PipeTokens.problem(needs, name.position());
        }
        String field = field(tokens, needs);
        if (!tokens.takeIf(")")) {
            throw PipeTokens.problem("')' must close " + fn.text() + "(" + field, tokens.here());
        }
        return new Metric(fn, field);
    }

    private static Fn function(Token name) {
        for (Fn fn : Fn.values()) {
            if (name.is(fn.text())) {
                return fn;
            }
        }
        throw PipeTokens.problem("unknown function '" + name.text() + "'", name.position(), FUNCTIONS);
    }

    /** The optional N of top and rare: a leading number, whatever follows it. */
    private static int count(PipeTokens tokens) {
        Token first = tokens.peek();
        if (first == null || !NUMBER.matcher(first.text()).matches()) {
            return DEFAULT_N;
        }
        tokens.take();
        String digits = first.text();
        // more digits than fit an int are out of range anyway
        int n = digits.length() > 7 ? -1 : Integer.parseInt(digits);
        if (n < 1 || n > MAX_N) {
            throw PipeTokens.problem("N must be between 1 and " + MAX_N, first.position());
        }
        return n;
    }

    private static String field(PipeTokens tokens, String missing) {
        if (!tokens.peekWord()) {
            throw PipeTokens.problem(missing, tokens.here());
        }
        Token field = tokens.take();
        if (!FIELD.matcher(field.text()).matches()) {
            throw PipeTokens.problem("'" + field.text() + "' is not a field name", field.position());
        }
        return field.text();
    }
}
