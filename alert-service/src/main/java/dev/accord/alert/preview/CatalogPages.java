package dev.accord.alert.preview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.common.events.EventJson;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads catalog entries from catalog-service's public query API ({@code GET /api/initiatives?from=…}),
 * a page at a time, newest first. Alert-service keeps no copy of the catalog; the catalog is the one
 * place that knows every entry, whether or not a subscription matched it when it appeared.
 */
@ApplicationScoped
public class CatalogPages {

    /** The catalog's largest page. */
    static final int PAGE_SIZE = 200;

    /** An entry as the catalog's list answers it; other fields are ignored. */
    public record Item(UUID id, String title, String summary, Evidence evidence, Parties parties, List<String> topics,
            String stage, Instant firstSeenAt, String url) {

        public record Evidence(String sentence) {
        }

        public record Parties(List<String> countries, List<String> organisations) {
        }
    }

    /** One page and the cursor of the next, null on the last. */
    public record Page(List<Item> items, String nextCursor) {
    }

    private final PreviewConfig config;
    private final HttpClient http;
    private final ObjectMapper json = EventJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CatalogPages(PreviewConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Entries first seen at or after {@code from}; {@code cursor} null for the first page. */
    public Page page(Instant from, String cursor) {
        String query = "from=" + encode(from.toString()) + "&limit=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + encode(cursor));
        URI uri = config.catalogUrl().resolve("/api/initiatives?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout()).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable("the catalog answered " + response.statusCode());
            }
            return json.readValue(response.body(), Page.class);
        } catch (IOException e) {
            throw unavailable("the catalog could not be read (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(503, "Catalog unavailable", "The preview reads the catalog, and " + why + "; try again shortly.",
                Map.of());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
