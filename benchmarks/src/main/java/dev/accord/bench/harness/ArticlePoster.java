package dev.accord.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** Posts article {@code n} of a series (distinct seed copies, generated news) to {@code POST /api/articles} and counts what ingest accepted. */
final class ArticlePoster {

    /** What one accepted article published: the article event and one event per initiative. */
    record Accepted(String articleId, List<String> initiativeIds) {
        int events() {
            return 1 + initiativeIds.size();
        }
    }

    private final HttpClient client;
    private final URI endpoint;
    private final String apiKey;
    private final LongFunction<String> texts;
    final AtomicLong events = new AtomicLong();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    /** Answers other than 2xx, by status code (e.g. 503 with Retry-After when ingest sheds load). */
    final Map<Integer, AtomicInteger> non2xx = new ConcurrentSkipListMap<>();
    private volatile String lastRefusal;

    ArticlePoster(HttpClient client, String ingestUrl, String apiKey, LongFunction<String> texts) {
        this.client = client;
        this.endpoint = URI.create(ingestUrl + "/api/articles");
        this.apiKey = apiKey;
        this.texts = texts;
    }

    /** Posts copy {@code n}; completes with the accepted article, or null when it was refused or a duplicate. */
    CompletableFuture<Accepted> post(long n) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(texts.apply(n))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::accepted);
    }

    private Accepted accepted(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            non2xx.computeIfAbsent(response.statusCode(), code -> new AtomicInteger()).incrementAndGet();
        }
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            refused.incrementAndGet();
            lastRefusal = response.statusCode() + " " + response.body();
            return null;
        }
        try {
            JsonNode body = Http.json(response.body());
            if (body.path("duplicate").asBoolean(false)) {
                duplicates.incrementAndGet();
                return null;
            }
            List<String> ids = new ArrayList<>();
            body.path("initiatives").forEach(i -> ids.add(i.path("id").asText()));
            Accepted accepted = new Accepted(body.path("articleId").asText(), ids);
            events.addAndGet(accepted.events());
            return accepted;
        } catch (java.io.IOException e) {
            refused.incrementAndGet();
            lastRefusal = "unreadable answer: " + e.getMessage();
            return null;
        }
    }

    int non2xxTotal() {
        return non2xx.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** e.g. "503×12, 500×3", or "none". */
    String non2xxText() {
        return non2xx.isEmpty() ? "none" : non2xx.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue().get())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    String lastRefusal() {
        return lastRefusal;
    }
}
