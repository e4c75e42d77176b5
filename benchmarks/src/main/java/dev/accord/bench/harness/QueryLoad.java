package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.testsupport.load.SyntheticInitiatives;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Catalog queries at a constant rate, one shape at a time: a filter, full-text {@code q}, facets, a
 * page deep into the cursor order, and one entry by id. A shape whose endpoint answers 4xx (or, for
 * q, ignores the parameter) is reported as unavailable rather than measured. Before measuring, the
 * step waits until earlier loads have drained through the catalog and alert-service, and each shape
 * gets {@code --warmup} seconds of an unrecorded warm-up at the same rate, all shapes taking turns
 * before the first is measured.
 */
final class QueryLoad {

    private static final String NO_MATCH = "zzqxvbench";
    /** Warm-up requests take their ids from elsewhere in the walked list than the measured ones. */
    private static final long WARMUP_OFFSET = 1_000_003L;

    private QueryLoad() {
    }

    /**
     * The catalog was just loaded in bulk; its tables get the planner statistics a DBA gathers after a bulk load.
     * Autovacuum would gather them too, in time, but it is off on some servers (this machine's among them), and
     * without statistics the planner takes a filter matching a quarter of the catalog for one matching a hundredth.
     */
    private static void analyze(Connection connection) throws SQLException {
        long start = System.nanoTime();
        String autovacuum;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SHOW autovacuum")) {
                rows.next();
                autovacuum = rows.getString(1);
            }
            statement.execute("ANALYZE catalog.initiative, catalog.mention, catalog.article");
        }
        System.out.printf("  queries: analyzed the catalog's tables in %.1f s (autovacuum is %s on this server)%n",
                (System.nanoTime() - start) / 1e9, autovacuum);
    }

    static void run(Options options) throws Exception {
        Measurements out = Measurements.from(options);
        HttpClient client = Http.client();
        String busy;
        String base = options.string("catalog") + "/api/initiatives";
        double rate = options.decimal("rate");
        Duration duration = options.seconds("seconds");
        Duration warmup = options.seconds("warmup");
        try (Backlog backlog = new Backlog(options)) {
            // Queries measured while the catalog still stores, relays, or alert-service still matches an
            // earlier load would share the cores with that work and not say what a query costs.
            long left = backlog.await("queries, earlier loads", backlog::pipeline, options.seconds("settle"), null);
            if (left > 0) {
                System.out.println("  queries: measuring anyway; the table's notes say so");
            }
            busy = left > 0 ? String.format("; %d events of earlier loads still pending", left) : "";
            analyze(backlog.connection());
        }

        List<String> ids = new ArrayList<>();
        String deepCursor = null;
        String cursor = null;
        int depth = options.integer("depth");
        for (int page = 0; page < depth; page++) {
            JsonNode body = Http.json(Http.get(client, base + "?limit=200" + (cursor == null ? "" : "&cursor="
                    + encode(cursor))).body());
            body.path("items").forEach(item -> ids.add(item.path("id").asText()));
            JsonNode next = body.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            cursor = next.asText();
            deepCursor = cursor;
        }
        try (java.sql.Connection connection = PostgresBaseline.connect(options);
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM catalog.initiative")) {
            rows.next();
            out.record("query.entries", rows.getLong(1), "initiatives stored in the catalog");
        }
        System.out.printf("  queries: %d entries walked for ids, deep cursor after %d of them%n", ids.size(), ids.size());

        String search = SyntheticInitiatives.SEARCH_WORDS.get(4);
        Map<String, LongFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("filter", n -> base + "?topic=technology&country=US&limit=50");
        shapes.put("fulltext", n -> base + "?q=" + search + "&limit=50");
        shapes.put("facets", n -> base + "/facets?topic=technology");
        String deep = deepCursor;
        shapes.put("deep_page", n -> base + "?limit=50&cursor=" + encode(deep));
        shapes.put("by_id", n -> base + "/" + ids.get((int) (Math.floorMod(n * 7919L, ids.size()))));

        List<Map.Entry<String, LongFunction<String>>> usable = new ArrayList<>();
        for (Map.Entry<String, LongFunction<String>> shape : shapes.entrySet()) {
            String metric = "query." + shape.getKey() + ".p99_ms";
            if (ids.isEmpty() || (shape.getKey().equals("deep_page") && deep == null)) {
                out.unavailable(metric, "n/a: catalog holds too few entries");
                continue;
            }
            String problem = unavailable(client, shape.getKey(), shape.getValue().apply(0), base);
            if (problem != null) {
                out.unavailable(metric, problem);
                continue;
            }
            usable.add(shape);
        }
        if (!usable.isEmpty()) {
            // One warm-up over all shapes in turn (JIT, plan and page caches), at the same rate and on other
            // ids, not recorded: the first shape measured is then as warm as the last.
            int k = usable.size();
            OpenLoop.run(rate, warmup.multipliedBy(k), Duration.ofSeconds(10),
                    (n, due) -> ok(client, usable.get((int) (n % k)).getValue().apply(WARMUP_OFFSET + n / k)));
        }
        for (Map.Entry<String, LongFunction<String>> shape : usable) {
            String metric = "query." + shape.getKey() + ".p99_ms";
            OpenLoop.Result result = OpenLoop.run(rate, duration, Duration.ofSeconds(10),
                    (n, due) -> ok(client, shape.getValue().apply(n)));
            out.record(metric, result.percentileMillis(99), String.format("%.0f req/s for %d s after a warm-up of %d s per shape, %d ok,"
                    + " %d failed, p50 %.1f ms%s", rate, duration.toSeconds(), warmup.toSeconds(), result.succeeded(),
                    result.failed() + result.timedOut(), result.percentileMillis(50), busy));
        }
    }

    /** Why a shape cannot be measured, or null when its endpoint answers as it should. */
    private static String unavailable(HttpClient client, String shape, String url, String base) throws Exception {
        HttpResponse<String> response = Http.get(client, url);
        if (response.statusCode() >= 400) {
            return "n/a: endpoint missing (" + response.statusCode() + ")";
        }
        if (shape.equals("fulltext")) {
            JsonNode none = Http.json(Http.get(client, base + "?q=" + NO_MATCH + "&limit=1").body());
            if (none.path("items").size() > 0) {
                return "n/a: endpoint missing (q is ignored)";
            }
        }
        return null;
    }

    private static CompletableFuture<Boolean> ok(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Http.REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
