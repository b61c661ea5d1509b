package io.vigil.search.pipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a pipe found: a table of text cells, a note when the table is cut or approximate (null when it is
 * neither), and a chart for the browser (null when a chart would say nothing, as for one stats row).
 */
public record PipeResult(List<String> columns, List<List<String>> rows, String note, Chart chart) {

    /** An ECharts chart: {@code bar} over group labels or {@code line} over bucket starts in epoch millis. */
    public record Chart(String kind, List<String> categories, List<Series> series) {

        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /** One line or set of bars; a null value is a gap (no events to average, say). */
    public record Series(String name, List<Double> values) {

        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    static final String DC_NOTE = "dc() is approximate above 3,000 distinct values";
    static final String RARE_NOTE = "rare counts are exact on one shard, approximate across several";

    public PipeResult {
        columns = List.copyOf(columns);
        rows = rows.stream().<List<String>>map(List::copyOf).toList();
    }

    /**
     * Reads the whole search response (its {@code hits.total} and {@code aggregations}) of a search sent
     * with {@link PipeAggregations#aggregations}.
     */
    public static PipeResult read(Pipe pipe, JsonNode searchResponse) {
        JsonNode aggregations = searchResponse.path("aggregations");
        return switch (pipe) {
            case Pipe.Stats stats -> StatsReader.read(stats, searchResponse);
            case Pipe.Top top -> RankedReader.read(top.field(), aggregations, null);
            case Pipe.Rare rare -> RankedReader.read(rare.field(), aggregations, RARE_NOTE);
            case Pipe.Timechart chart -> TimechartReader.read(chart, aggregations);
        };
    }

    /** The chart as JSON for a {@code <script type="application/json">} element; {@code null} when none. */
    public String chartJson() {
        if (chart == null) {
            return "null";
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode().put("kind", chart.kind());
        ArrayNode categories = json.putArray("categories");
        chart.categories().forEach(categories::add);
        ArrayNode series = json.putArray("series");
        for (Series one : chart.series()) {
            ArrayNode values = series.addObject().put("name", one.name()).putArray("values");
            one.values().forEach(values::add);
        }
        // inside a <script> element: with no "<" at all, neither "</script" nor "<!--" can change where
        // the element ends
        return json.toString().replace("<", "\\u003c");
    }

    /** Joins the notes that apply; null when none does. */
    static String notes(String... notes) {
        List<String> present = Stream.of(notes).filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : String.join("; ", present);
    }

    static boolean countsDistinct(List<Metric> metrics) {
        return metrics.stream().anyMatch(metric -> metric.fn() == Metric.Fn.DC);
    }
}
