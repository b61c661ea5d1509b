package io.vigil.search.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.search.SearchProblem;
import io.vigil.search.SearchText;
import io.vigil.search.TimeRange;
import io.vigil.search.pipe.Metric.Fn;

class PipeParserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final TimeRange DAY = TimeRange.parse("now-24h", "now", NOW);
    private static final TimeRange WEEK = TimeRange.parse("now-7d", "now", NOW);

    private static Pipe parse(String text) {
        return PipeParser.parse(SearchText.parse(text).pipes(), DAY).orElseThrow();
    }

    private static SearchProblem problem(String text) {
        return catchThrowableOfType(SearchProblem.class, () -> parse(text));
    }

    @Test
    void noPipeIsEmpty() {
        assertThat(PipeParser.parse(SearchText.parse("eventName:ConsoleLogin").pipes(), WEEK)).isEmpty();
        assertThat(PipeParser.parse(SearchText.parse("a:1 || b:2").pipes(), WEEK)).isEmpty();
    }

    @Test
    void statsWithMetricsAndGroups() {
        Pipe pipe = parse("eventName:ConsoleLogin | stats count(), dc(user.name) by source.ip");
        assertThat(pipe).isEqualTo(new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.DC, "user.name")),
                List.of("source.ip")));
    }

    @Test
    void statsWithoutGroupsAndEveryFunction() {
        Pipe pipe = parse("* | stats count, dc(a), sum(b), avg(c), min(@timestamp), max(e-f_g)");
        assertThat(((Pipe.Stats) pipe).metrics()).containsExactly(Metric.count(), new Metric(Fn.DC, "a"),
                new Metric(Fn.SUM, "b"), new Metric(Fn.AVG, "c"), new Metric(Fn.MIN, "@timestamp"),
                new Metric(Fn.MAX, "e-f_g"));
        assertThat(((Pipe.Stats) pipe).by()).isEmpty();
    }

    @Test
    void keywordsIgnoreCaseAndWhitespaceIsFlexible() {
        Pipe pipe = parse("x |STATS   Count ( ) ,DC( user.name )By a ,b,  c");
        assertThat(pipe).isEqualTo(new Pipe.Stats(List.of(Metric.count(), new Metric(Fn.DC, "user.name")),
                List.of("a", "b", "c")));
    }

    @Test
    void metricLabelsReadAsWritten() {
        assertThat(Metric.count().label()).isEqualTo("count()");
        assertThat(new Metric(Fn.DC, "user.name").label()).isEqualTo("dc(user.name)");
    }

    @Test
    void topAndRareDefaultToTen() {
        assertThat(parse("x | top source.ip")).isEqualTo(new Pipe.Top(10, "source.ip"));
        assertThat(parse("x | TOP 5 source.ip")).isEqualTo(new Pipe.Top(5, "source.ip"));
        assertThat(parse("x | rare user_agent.original")).isEqualTo(new Pipe.Rare(10, "user_agent.original"));
        assertThat(parse("x | Rare 1000 host.name ")).isEqualTo(new Pipe.Rare(1000, "host.name"));
        assertThat(parse("x | top 1 1")).isEqualTo(new Pipe.Top(1, "1"));
    }

    @Test
    void timechartWithSpanMetricAndOptionalBy() {
        assertThat(parse("x | timechart span=5m count()"))
                .isEqualTo(new Pipe.Timechart(Duration.ofMinutes(5), "5m", Metric.count(), null));
        assertThat(parse("x | TimeChart SPAN = 1H avg(bytes) BY host.name")).isEqualTo(
                new Pipe.Timechart(Duration.ofHours(1), "1h", new Metric(Fn.AVG, "bytes"), "host.name"));
        assertThat(parse("x | timechart span=1d count")).isEqualTo(
                new Pipe.Timechart(Duration.ofDays(1), "1d", Metric.count(), null));
    }

    @Test
    void withoutARangeTimechartHasNoBucketLimit() {
        Pipe pipe = PipeParser.parse(SearchText.parse("x | timechart span=1s count()").pipes(), null).orElseThrow();
        assertThat(((Pipe.Timechart) pipe).span()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void unknownCommandNamesItsColumnAndTheCommands() {
        SearchProblem problem = problem("eventName:ConsoleLogin | stat count()");
        assertThat(problem).hasMessage("pipe: unknown command 'stat' at column 26; use stats, top, rare or timechart");
        assertThat(problem.position()).isEqualTo(25);
    }

    @Test
    void unknownFunctionNamesItsColumnAndTheFunctions() {
        SearchProblem problem = problem("x | stats count(), median(bytes)");
        assertThat(problem)
                .hasMessage("pipe: unknown function 'median' at column 20; use count, dc, sum, avg, min or max");
        assertThat(problem.position()).isEqualTo(19);
    }

    @Test
    void functionsOtherThanCountNeedAField() {
        assertProblem("x | stats dc()", "pipe: dc() needs a field at column 14", 13);
        assertProblem("x | stats sum", "pipe: sum() needs a field at column 11", 10);
        assertProblem("x | stats dc(user", "pipe: ')' must close dc(user at column 18", 17);
        assertProblem("x | stats count(user)", "pipe: count() takes no field at column 17", 16);
    }

    @Test
    void byNeedsFieldsAndAtMostThree() {
        assertProblem("x | stats count() by", "pipe: 'by' needs at least one field at column 21", 20);
        assertProblem("x | stats count() by , a", "pipe: 'by' needs at least one field at column 22", 21);
        assertProblem("x | stats count() by a,", "pipe: a field must follow ',' at column 24", 23);
        assertProblem("x | stats count() by a, b, c, d", "pipe: 'by' takes at most 3 fields at column 31", 30);
    }

    @Test
    void statsNeedsAMetric() {
        assertProblem("x | stats", "pipe: stats needs a metric such as count() at column 10", 9);
        assertProblem("x | stats by user", "pipe: stats needs a metric such as count() at column 11", 10);
        assertProblem("x | stats count(),", "pipe: expected a metric such as count() at column 19", 18);
    }

    @Test
    void topAndRareNeedAFieldAndASensibleN() {
        assertProblem("x | top", "pipe: top needs a field at column 8", 7);
        assertProblem("x | top 5", "pipe: top needs a field at column 10", 9);
        assertProblem("x | rare", "pipe: rare needs a field at column 9", 8);
        assertProblem("x | top 0 user", "pipe: N must be between 1 and 1000 at column 9", 8);
        assertProblem("x | rare 1001 user", "pipe: N must be between 1 and 1000 at column 10", 9);
        assertProblem("x | top 99999999999 user", "pipe: N must be between 1 and 1000 at column 9", 8);
        assertProblem("x | top -5 user", "pipe: N must be between 1 and 1000 at column 9", 8);
    }

    @Test
    void timechartNeedsASpanFirst() {
        String needs = "pipe: timechart needs span=<number><s|m|h|d> at column ";
        assertProblem("x | timechart count()", needs + "15", 14);
        assertProblem("x | timechart", needs + "14", 13);
        assertProblem("x | timechart span=5 count()", needs + "20", 19);
        assertProblem("x | timechart span=5w count()", needs + "20", 19);
        assertProblem("x | timechart span= count()", needs + "21", 20);
        assertProblem("x | timechart span=0m count()", "pipe: timechart span must be more than 0 at column 20", 19);
        assertProblem("x | timechart span=5m", "pipe: timechart needs a metric such as count() at column 22", 21);
        assertProblem("x | timechart span=5m count() by a, b",
                "pipe: timechart takes only one 'by' field at column 35", 34);
    }

    @Test
    void timechartRefusesTooManyBucketsAndSuggestsASpan() {
        SearchProblem problem = catchThrowableOfType(SearchProblem.class,
                () -> PipeParser.parse(SearchText.parse("x | timechart span=1s count()").pipes(), WEEK));
        // 10m would still make 1008 buckets
        assertThat(problem).hasMessage(
                "pipe: timechart span 1s over 7 days would make 604800 buckets; use a span of at least 30m");
        assertThat(problem.position()).isEqualTo(19);
        assertProblem("x | timechart span=1m count()",
                "pipe: timechart span 1m over 24 hours would make 1440 buckets; use a span of at least 5m", 19);
    }

    @Test
    void suggestedSpansAreRound() {
        assertThat(TimechartSpan.smallestFitting(Duration.ofMinutes(15))).isEqualTo("1s");
        assertThat(TimechartSpan.smallestFitting(Duration.ofHours(24))).isEqualTo("5m");
        assertThat(TimechartSpan.smallestFitting(Duration.ofDays(90))).isEqualTo("3h");
        assertThat(TimechartSpan.smallestFitting(Duration.ofDays(5000))).isEqualTo("5d");
        assertThat(TimechartSpan.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(TimechartSpan.describe(Duration.ofHours(1))).isEqualTo("1 hour");
    }

    @Test
    void onlyOnePipe() {
        SearchProblem problem = problem("x | stats count() | top user");
        assertThat(problem).hasMessage("pipe: only one pipe is supported; a second starts at column 19");
        assertThat(problem.position()).isEqualTo(18);
    }

    @Test
    void strayTextIsNamed() {
        assertProblem("x |", "pipe: a command must follow '|' at column 3; use stats, top, rare or timechart", 2);
        assertProblem("x | top user extra", "pipe: unexpected 'extra' at column 14", 13);
        assertProblem("x | stats count() by user;name", "pipe: unexpected character ';' at column 26", 25);
        assertProblem("x | top .hidden", "pipe: '.hidden' is not a field name at column 9", 8);
    }

    private static void assertProblem(String text, String message, int position) {
        SearchProblem problem = problem(text);
        assertThat(problem).as(text).hasMessage(message);
        assertThat(problem.position()).as(text).isEqualTo(position);
    }
}
