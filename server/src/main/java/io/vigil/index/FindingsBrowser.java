package io.vigil.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.index.FindingsReader.StoredFinding;

/**
 * The findings list as an analyst works it: a page of findings by event time with their total, how many
 * findings and matches each rule has among them, and the same findings folded into one row per rule and
 * key (a source address, a user), however many ingest batches split them. Every request carries the
 * caller's scope filter, which the search layer makes ({@code SearchScope.filter()}).
 */
@ApplicationScoped
public class FindingsBrowser {

    /** What to list: each filter optional (null); event time in [from, to); pages of {@code size}. */
    public record Filter(String ruleId, String level, String source, Instant from, Instant to) {
    }

    /** One rule among the filtered findings: its title and level, findings and matched events. */
    public record RuleCount(String ruleId, String ruleTitle, String level, long findings, long matches) {
    }

    /** A rule's findings for one value of the grouping field, folded into one row. */
    public record Group(String ruleId, String ruleTitle, String level, String key, long findings, long matches,
            String first, String last) {
    }

    /**
     * A page of findings, how many there are in all, the rules among all of them, and where the next page
     * starts ({@code next}, an opaque cursor; null on the last page).
     */
    public record Page(List<StoredFinding> findings, long total, List<RuleCount> rules, String next) {
    }

    /** The fields findings can be grouped by (their group-by values, ADR 0010). */
    public static final List<String> GROUP_FIELDS = List.of("source.ip", "user.name", "host.name",
            "cloud.account.id");

    private static final int MAX_RULES = 100;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RawQueries queries;

    FindingsBrowser(RawQueries queries) {
        this.queries = queries;
    }

    /**
     * The order of a page: by the latest event's time, by when detection wrote the finding, by level (the
     * most severe first when descending), by source, or by how many events the finding holds.
     */
    public enum Order {
        EVENT_TIME,
        FOUND,
        LEVEL,
        SOURCE,
        EVENTS
    }

    /** Sigma's levels by severity, for sorting (a keyword sorts them alphabetically). */
    private static final String SEVERITY = "if (doc['rule.level'].size() == 0) { return -1; }"
            + " String l = doc['rule.level'].value; return l == 'critical' ? 4 : l == 'high' ? 3"
            + " : l == 'medium' ? 2 : l == 'low' ? 1 : l == 'informational' ? 0 : -1;";

    /**
     * {@code size} findings in {@code order} ({@code ascending} or not), from the start or after the cursor
     * {@code after} (a page's {@code next}). Pages follow each other by the sort values of their last
     * finding, so paging reaches every finding, past the 10,000 hits OpenSearch pages by offset.
     */
    public Page page(Filter filter, Order order, boolean ascending, String after, int size, ObjectNode scope) {
        ObjectNode body = F.objectNode().put("size", size).put("track_total_hits", true);
        body.set("query", query(filter, scope));
        ArrayNode sort = body.putArray("sort");
        String direction = ascending ? "asc" : "desc";
        switch (order) {
            case EVENT_TIME -> sort.addObject().putObject("@timestamp").put("order", direction);
            case LEVEL -> sort.addObject().putObject("_script").put("type", "number").put("order", direction)
                    .putObject("script").put("lang", "painless").put("source", SEVERITY);
            case SOURCE -> sort.addObject().putObject("vigil.source").put("order", direction);
            case EVENTS -> sort.addObject().putObject("finding.count").put("order", direction);
            case FOUND -> {
                // by index and sequence number, below
            }
        }
        if (order != Order.EVENT_TIME && order != Order.FOUND) {
            sort.addObject().putObject("@timestamp").put("order", "desc");
        }
        // the time found is kept in _source only (ADR 0010), but findings are indexed by the day they were
        // found (ADR 0011) into one shard per day, whose sequence numbers follow the order they were written;
        // index and sequence number also make every finding's place unique, as paging by sort values needs
        String tie = order == Order.FOUND ? direction : "desc";
        sort.addObject().putObject("_index").put("order", tie);
        sort.addObject().putObject("_seq_no").put("order", tie);
        if (after != null && !after.isBlank()) {
            body.set("search_after", SortCursor.decode(after, sort.size()));
        }
        ruleCounts(body.putObject("aggs").putObject("rules"));
        JsonNode answer = queries.search(EventIndices.FINDINGS_PREFIX + "*", body);
        List<StoredFinding> findings = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> findings.add(FindingsReader.finding(
                hit.path("_index").asText() + "/" + hit.path("_id").asText(), hit.path("_source"))));
        List<RuleCount> rules = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("rules").path("buckets")) {
            JsonNode rule = bucket.path("about").path("hits").path("hits").path(0).path("_source").path("rule");
            rules.add(new RuleCount(bucket.path("key").asText(), rule.path("title").asText(),
                    rule.path("level").asText(""), bucket.path("doc_count").asLong(),
                    bucket.path("matches").path("value").asLong()));
        }
        JsonNode hits = answer.path("hits").path("hits");
        String next = SortCursor.next(hits, size);
        return new Page(findings, answer.path("hits").path("total").path("value").asLong(), rules, next);
    }

    /** The filtered findings folded by rule and {@code field} (one of {@link #GROUP_FIELDS}), latest first. */
    public List<Group> groups(Filter filter, String field, int size, ObjectNode scope) {
        if (!GROUP_FIELDS.contains(field)) {
            throw new IllegalArgumentException("group: one of " + String.join(", ", GROUP_FIELDS));
        }
        ObjectNode body = F.objectNode().put("size", 0);
        body.set("query", query(filter, scope));
        ObjectNode grouping = body.putObject("aggs").putObject("groups");
        ObjectNode terms = grouping.putObject("multi_terms");
        ArrayNode keys = terms.putArray("terms");
        keys.addObject().put("field", "rule.id");
        keys.addObject().put("field", "group." + field).put("missing", "-");
        terms.put("size", size).putObject("order").put("last", "desc");
        ObjectNode aggs = grouping.putObject("aggs");
        aggs.putObject("matches").putObject("sum").put("field", "finding.count");
        aggs.putObject("first").putObject("min").put("field", "finding.first");
        aggs.putObject("last").putObject("max").put("field", "@timestamp");
        about(aggs);
        JsonNode answer = queries.search(EventIndices.FINDINGS_PREFIX + "*", body);
        List<Group> groups = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("groups").path("buckets")) {
            JsonNode rule = bucket.path("about").path("hits").path("hits").path(0).path("_source").path("rule");
            groups.add(new Group(bucket.path("key").path(0).asText(), rule.path("title").asText(),
                    rule.path("level").asText(""), bucket.path("key").path(1).asText(),
                    bucket.path("doc_count").asLong(),
                    bucket.path("matches").path("value").asLong(),
                    bucket.path("first").path("value_as_string").asText(),
                    bucket.path("last").path("value_as_string").asText()));
        }
        return groups;
    }

    private static void ruleCounts(ObjectNode rules) {
        rules.putObject("terms").put("field", "rule.id").put("size", MAX_RULES);
        ObjectNode aggs = rules.putObject("aggs");
        aggs.putObject("matches").putObject("sum").put("field", "finding.count");
        about(aggs);
    }

    /** The newest finding of a bucket, for the rule's title and level (kept in _source only). */
    private static void about(ObjectNode aggs) {
        ObjectNode top = aggs.putObject("about").putObject("top_hits").put("size", 1);
        top.putArray("_source").add("rule.title").add("rule.level");
        top.putArray("sort").addObject().putObject("@timestamp").put("order", "desc");
    }

    private static ObjectNode query(Filter filter, ObjectNode scope) {
        ObjectNode query = F.objectNode();
        ArrayNode filters = query.putObject("bool").putArray("filter");
        filters.add(scope);
        term(filters, "rule.id", filter.ruleId());
        term(filters, "rule.level", filter.level());
        term(filters, "vigil.source", filter.source());
        if (filter.from() != null || filter.to() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject("@timestamp");
            if (filter.from() != null) {
                range.put("gte", filter.from().toEpochMilli());
            }
            if (filter.to() != null) {
                range.put("lt", filter.to().toEpochMilli());
            }
            range.put("format", "epoch_millis");
        }
        return query;
    }

    private static void term(ArrayNode filters, String field, String value) {
        if (value != null) {
            filters.addObject().putObject("term").put(field, value);
        }
    }
}
