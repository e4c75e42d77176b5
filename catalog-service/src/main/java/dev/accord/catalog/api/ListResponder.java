package dev.accord.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.common.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers a list request in the negotiated representation. Every representation of a page that has
 * a successor carries a {@code Link: <…>; rel="next"} header (RFC 8288) to it; JSON also has
 * {@code nextCursor}, Atom its {@code next} link.
 */
@ApplicationScoped
public class ListResponder {

    /** Parameters that do not change which items a query selects, left out of a feed's title. */
    private static final Set<String> NOT_IN_TITLE = Set.of("cursor", "format", "limit", "sort");

    private final ObjectMapper json;
    private final RequestLinks links;
    private final Clock clock = Clock.systemUTC();

    public ListResponder(ObjectMapper json, RequestLinks links) {
        this.json = json;
        this.links = links;
    }

    public <V> Response respond(ListFormat format, Page<V> page, ListShape<V> shape, UriInfo request) {
        String next = page.nextCursor() == null ? null : links.with(request, variant(format, page.nextCursor()));
        Response.ResponseBuilder response = switch (format) {
            case JSON -> Response.ok(page);
            case CSV -> Response.ok(shape.csv().write(page.items()));
            case NDJSON -> Response.ok(ndjson(page.items()));
            case ATOM -> Response.ok(feed(page, shape, request, next));
        };
        response.type(format.contentType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (next != null) {
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** The feed's id is its first page, so all pages of one query are one feed. */
    private <V> String feed(Page<V> page, ListShape<V> shape, UriInfo request, String next) {
        String first = links.with(request, variant(ListFormat.ATOM, null));
        String self = links.with(request, variant(ListFormat.ATOM, request.getQueryParameters().getFirst("cursor")));
        return AtomFeed.write(new AtomFeed.Head(first, title(shape, request), self, first, next),
                page.items().stream().map(shape.entry()).toList(), clock.instant());
    }

    /** The same query at another cursor; non-JSON links name their format so they work without an Accept header. */
    private static Map<String, String> variant(ListFormat format, String cursor) {
        Map<String, String> replaced = new HashMap<>();
        replaced.put("cursor", cursor == null || cursor.isBlank() ? null : cursor);
        replaced.put("format", format == ListFormat.JSON ? null : format.parameter);
        return replaced;
    }

    private static String title(ListShape<?> shape, UriInfo request) {
        List<String> criteria = new ArrayList<>();
        request.getQueryParameters().forEach((name, values) -> {
            if (!NOT_IN_TITLE.contains(name)) {
                values.stream().filter(v -> !v.isBlank()).forEach(v -> criteria.add(name + ": " + v.strip()));
            }
        });
        return criteria.isEmpty() ? shape.title() : shape.title() + " (" + String.join("; ", criteria) + ")";
    }

    private String ndjson(List<?> items) {
        StringBuilder lines = new StringBuilder();
        for (Object item : items) {
            try {
                lines.append(json.writeValueAsString(item)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + item.getClass().getSimpleName() + " as JSON", e);
            }
        }
        return lines.toString();
    }
}
