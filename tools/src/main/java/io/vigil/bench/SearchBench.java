package io.vigil.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.access.VigilUser;
import io.vigil.devstack.StackException;
import io.vigil.search.HistogramInterval;
import io.vigil.search.PreparedSearch;
import io.vigil.search.QueryCheck;
import io.vigil.search.ResultsTable;
import io.vigil.search.SearchBodies;
import io.vigil.search.SearchScope;
import io.vigil.search.SearchText;
import io.vigil.search.TimeRange;

/**
 * {@code ./vigil bench search}: the time of a search as the analyst's browser sees it (the page with its
 * first 50 events and histogram, then the field statistics of {@code eventName}), next to the very same
 * OpenSearch bodies ({@link SearchBodies}) sent straight to OpenSearch, over millions of CloudTrail- and
 * sshd-shaped events ({@link SearchLoad}). Both are wall times on this client, so the difference is what
 * Vigil adds: authentication, checking the query, rendering the page. Vigil and raw alternate within
 * each repetition (V R, R V, ...) so that drift of a shared machine falls on both.
 */
final class SearchBench {

    record Result(double p50Ms, double p95Ms, double rawP95Ms) {

        double overhead() {
            return p95Ms / rawP95Ms;
        }
    }

    /** A search as the URL states it: the query and the start of a range that ends now. */
    private record Case(String kind, String query, String from) {

        String range() {
            return from.substring("now-".length());
        }
    }

    private record Sample(double ms, long hits) {
    }

    /** What SearchPages asks: a page of 50, and 10 values of a field. */
    private static final int PAGE_SIZE = 50;
    private static final int TOP_VALUES = 10;
    private static final String FIELD = "eventName";
    /** Uncounted repetitions of each search just before it is measured (its caches, its query's paths). */
    private static final int WARM_UP_REPS = 10;
    private static final String USER = "analyst";
    /** The realm's access tokens live 5 minutes; one is taken anew well before. */
    private static final Duration TOKEN_AGE = Duration.ofMinutes(4);
    private static final Pattern TOTAL = Pattern.compile("data-testid=\"total\">([\\d,]+)<");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\"[^>]*>\\s*(?:<p>)?([^<]*)");

    private final ObjectMapper json = new ObjectMapper();
    /** HTTP/1.1 to both: OpenSearch speaks nothing else, and an h2c upgrade to Vigil would not be alike. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchStack stack;
    private final int events;
    private final int reps;
    private final int senders;
    private final Duration warmUp;
    private String token;
    private long tokenAt;
    private SearchScope scope;

    SearchBench(BenchStack stack, int events, int reps, int senders, Duration warmUp) {
        if (events < 1 || reps < 1 || senders < 1 || warmUp.isNegative()) {
            throw new StackException("--events, --reps and --senders must be at least 1, --warm-up at least 0");
        }
        this.stack = stack;
        this.events = events;
        this.reps = reps;
        this.senders = senders;
        this.warmUp = warmUp;
    }

    Result run() throws Exception {
        List<ObjectNode> seeds = CloudTrailCorpus.seeds(json);
        new SearchLoad(stack, senders).ensure(events, seeds);
        // a top-up's merges would slow both sides, Vigil's more (it needs the CPU they take)
        stack.awaitQuietStore();
        token();
        List<Case> cases = cases(seeds);
        warmUp(cases);
        System.out.printf("%d searches, %d measured repetitions each after %d warm-up; one sample = GET /search + "
                + "GET /search/values?field=%s as %s, raw = the same two bodies to OpenSearch%n", cases.size(), reps,
                WARM_UP_REPS, FIELD, USER);
        String row = "%-9s %-61s %-3s  %6s %6s  %6s %6s  %10s%n";
        System.out.printf(row, "kind", "query", "in", "V p50", "V p95", "R p50", "R p95", "hits");
        List<Double> allVigil = new ArrayList<>();
        List<Double> allRaw = new ArrayList<>();
        for (Case search : cases) {
            Measured measured = measure(search);
            allVigil.addAll(measured.vigil());
            allRaw.addAll(measured.raw());
            System.out.printf(row, search.kind(), search.query(), search.range(), ms(percentile(measured.vigil(), 50)),
                    ms(percentile(measured.vigil(), 95)), ms(percentile(measured.raw(), 50)),
                    ms(percentile(measured.raw(), 95)), String.format(Locale.ROOT, "%,d", measured.vigilHits()));
            // the two ranges end a few milliseconds apart: only a real difference means unlike searches
            if (Math.abs(measured.vigilHits() - measured.rawHits()) > Math.max(100, measured.rawHits() / 100)) {
                System.out.printf("  note: Vigil's page counts %,d events, the raw query %,d%n", measured.vigilHits(),
                        measured.rawHits());
            }
        }
        var result = new Result(percentile(allVigil, 50), percentile(allVigil, 95), percentile(allRaw, 95));
        System.out.printf("all %d samples: Vigil p50 %.0f ms, p95 %.0f ms; raw OpenSearch p50 %.0f ms, p95 %.0f ms; "
                + "overhead %.2f (targets: p95 <= 300 ms, overhead <= 1.2)%n", allVigil.size(), result.p50Ms(),
                result.p95Ms(), percentile(allRaw, 50), result.rawP95Ms(), result.overhead());
        return result;
    }

    /**
     * Every search in turn, both ways, for {@link #warmUp} before anything is measured. A server's per-request
     * code reaches the JIT's optimizing tier only after thousands of calls. Measured here, a server that had
     * answered about 3,000 searches since {@code up} still spent 6 s of the next 30 compiling, and the mean of
     * a values request fell from 19 to 14 ms over the next two minutes. What is measured after it is a server
     * in steady use, as an analyst's console is. Every 30th pass's medians are printed: the trend shows whether
     * the warm-up was long enough.
     */
    private void warmUp(List<Case> cases) throws Exception {
        if (warmUp.isZero()) {
            return;
        }
        System.out.printf("warming up for %d s: every search, through Vigil and raw, in passes%n", warmUp.toSeconds());
        long end = System.nanoTime() + warmUp.toNanos();
        for (int pass = 1; System.nanoTime() < end; pass++) {
            List<Double> vigil = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (Case search : cases) {
                vigil.add(vigil(search).ms());
                raw.add(raw(search).ms());
            }
            if (pass % 30 == 0 || System.nanoTime() >= end) {
                System.out.printf("  pass %3d: Vigil p50 %3.0f ms, raw p50 %3.0f ms%n", pass, percentile(vigil, 50),
                        percentile(raw, 50));
            }
        }
    }

    /** One search's samples (milliseconds) and the hits each side counted last. */
    private record Measured(List<Double> vigil, List<Double> raw, long vigilHits, long rawHits) {
    }

    /** Warm-up repetitions first, uncounted; then Vigil and raw in alternating order: V R, R V, V R, ... */
    private Measured measure(Case search) throws Exception {
        List<Double> vigil = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        long vigilHits = 0;
        long rawHits = 0;
        for (int rep = -WARM_UP_REPS; rep < reps; rep++) {
            boolean vigilFirst = Math.floorMod(rep, 2) == 0;
            for (boolean throughVigil : new boolean[]{vigilFirst, !vigilFirst}) {
                Sample sample = throughVigil ? vigil(search) : raw(search);
                if (throughVigil) {
                    vigilHits = sample.hits();
                } else {
                    rawHits = sample.hits();
                }
                if (rep >= 0) {
                    (throughVigil ? vigil : raw).add(sample.ms());
                }
            }
        }
        return new Measured(vigil, raw, vigilHits, rawHits);
    }

    /** Term, boolean, wildcard and free text, each over the last 24 hours and the last 7 days. */
    private static List<Case> cases(List<ObjectNode> seeds) {
        String term = "eventName:" + termName(seeds);
        List<Case> cases = new ArrayList<>();
        for (String from : new String[]{"now-24h", "now-" + SearchLoad.SPAN.toDays() + "d"}) {
            cases.add(new Case("term", term, from));
            cases.add(new Case("boolean", "eventSource:iam.amazonaws.com AND NOT errorCode:AccessDenied", from));
            cases.add(new Case("wildcard", "eventName:Describe*", from));
            cases.add(new Case("free text", "AccessDenied", from));
        }
        return cases;
    }

    /** GetSecretValue (one record in 15 of the corpus) when the seeds have it, else their commonest name. */
    private static String termName(List<ObjectNode> seeds) {
        Map<String, Long> names = seeds.stream().collect(Collectors.groupingBy(
                seed -> seed.path("eventName").asText(), Collectors.counting()));
        if (names.containsKey("GetSecretValue")) {
            return "GetSecretValue";
        }
        return names.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new StackException("no CloudTrail seed records"));
    }

    /** The page (results and histogram) then the field statistics, as the browser asks them. */
    private Sample vigil(Case search) throws Exception {
        String params = "q=" + encode(search.query()) + "&from=" + encode(search.from()) + "&to=now";
        HttpRequest page = vigilGet("/search?" + params);
        HttpRequest values = vigilGet("/search/values?" + params + "&field=" + FIELD);
        long start = System.nanoTime();
        var pageAnswer = http.send(page, HttpResponse.BodyHandlers.ofString());
        var valuesAnswer = http.send(values, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;

        String pageHtml = vigilOk(page, pageAnswer);
        String valuesHtml = vigilOk(values, valuesAnswer);
        Matcher total = TOTAL.matcher(pageHtml);
        if (pageHtml.contains("data-testid=\"search-problem\"") || !total.find()) {
            throw new StackException("Vigil's search page for '" + search.query() + "' shows no results: "
                    + alert(pageHtml));
        }
        if (!valuesHtml.contains("data-testid=\"top-values\"")) {
            throw new StackException("Vigil's values of " + FIELD + " for '" + search.query() + "' show no list: "
                    + alert(valuesHtml));
        }
        return new Sample(ms, Long.parseLong(total.group(1).replace(",", "")));
    }

    /** The same two bodies Vigil sends, built by the same code for a range that ends now, to OpenSearch. */
    private Sample raw(Case search) throws Exception {
        TimeRange range = TimeRange.parse(search.from(), "now", Instant.now());
        SearchText text = SearchText.parse(search.query());
        var prepared = new PreparedSearch(text, range, QueryCheck.check(text.query(), 0, range.length()), null);
        String url = stack.openSearchUrl() + "/" + SearchBodies.indices(range)
                + "/_search?ignore_unavailable=true&allow_no_indices=true";
        HttpRequest page = rawPost(url, SearchBodies.firstPage(scope, prepared, PAGE_SIZE,
                HistogramInterval.forRange(range.length()), ResultsTable.DEFAULT_COLUMNS));
        HttpRequest values = rawPost(url, SearchBodies.topValues(scope, prepared, FIELD, TOP_VALUES));
        long start = System.nanoTime();
        var pageAnswer = http.send(page, HttpResponse.BodyHandlers.ofString());
        var valuesAnswer = http.send(values, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;

        JsonNode pageJson = rawOk(url, pageAnswer);
        rawOk(url, valuesAnswer);
        long hits = 0;
        // as Vigil counts: the histogram's bars (the page itself does not track the total)
        for (JsonNode bucket : pageJson.path("aggregations").path("over_time").path("buckets")) {
            hits += bucket.path("doc_count").asLong();
        }
        return new Sample(ms, hits);
    }

    private HttpRequest vigilGet(String pathAndQuery) throws Exception {
        return HttpRequest.newBuilder(URI.create(stack.vigilUrl() + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token()).GET().build();
    }

    private HttpRequest rawPost(String url, ObjectNode body) throws Exception {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    private static String vigilOk(HttpRequest request, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new StackException("GET " + request.uri().getRawPath() + "?" + request.uri().getRawQuery()
                    + " answered " + answer.statusCode() + (answer.statusCode() / 100 == 3 || answer.statusCode() == 401
                            ? " (was the " + USER + "'s bearer token refused?)"
                            : ": " + cut(answer.body())));
        }
        return answer.body();
    }

    private JsonNode rawOk(String url, HttpResponse<String> answer) throws Exception {
        if (answer.statusCode() != 200) {
            throw new StackException("POST " + url + " answered " + answer.statusCode() + ": " + cut(answer.body()));
        }
        JsonNode body = json.readTree(answer.body());
        if (body.path("_shards").path("failed").asInt() > 0 || body.path("timed_out").asBoolean()) {
            throw new StackException("POST " + url + " failed on some shards: " + cut(answer.body()));
        }
        return body;
    }

    /** The analyst's token, taken anew before it expires; its scope is the one the raw queries apply. */
    private String token() throws Exception {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_AGE.toNanos()) {
            boolean first = token == null;
            token = stack.accessToken(USER);
            tokenAt = System.nanoTime();
            scope = scopeOf(token, first);
        }
        return token;
    }

    /** The scope Vigil reads from the token's claim (VigilUser), so the raw queries filter alike. */
    private SearchScope scopeOf(String accessToken, boolean tell) throws Exception {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            throw new StackException("the " + USER + "'s access token is not a JWT");
        }
        JsonNode claim = json.readTree(Base64.getUrlDecoder().decode(parts[1])).get(VigilUser.SCOPES_CLAIM);
        // the claim as the server's token library hands it to VigilUser: a list, or a string
        Object value = claim == null || claim.isNull()
                ? null
                : claim.isArray() ? json.convertValue(claim, List.class) : claim.asText();
        Optional<Set<String>> sources = VigilUser.scope(value);
        if (tell && sources.isPresent() && !sources.get().contains(SearchLoad.SOURCE)) {
            System.out.printf("note: the %s's scope %s leaves out %s: its events are not searched%n", USER,
                    sources.get(), SearchLoad.SOURCE);
        }
        return new SearchScope(sources.orElse(null));
    }

    /** Nearest rank: the smallest sample with at least p percent of the samples at or below it. */
    static double percentile(List<Double> samples, int p) {
        List<Double> sorted = samples.stream().sorted(Comparator.naturalOrder()).toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String alert(String html) {
        Matcher alert = ALERT.matcher(html);
        return alert.find() ? alert.group(1).strip() : cut(html);
    }

    private static String cut(String text) {
        return text.substring(0, Math.min(300, text.length()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
