package dev.accord.catalog.api;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.query.Hit;
import dev.accord.catalog.query.ListOrder;
import dev.accord.catalog.query.Position;
import dev.accord.common.web.Cursor;
import dev.accord.common.web.Page;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks paging parameters and cuts a result of {@code limit + 1} rows into a page and its next
 * cursor. Newest-first lists use the shared {@link Cursor}; relevance-ordered lists need the rank of
 * the last row as well, so their cursor carries it (in a form that never decodes as the other).
 */
@ApplicationScoped
public class Paging {

    private static final String RANKED = "rank";

    private final CatalogConfig config;

    public Paging(CatalogConfig config) {
        this.config = config;
    }

    public int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return config.defaultPageSize();
        }
        int limit;
        try {
            limit = Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.badParameter("limit", "limit must be an integer between 1 and " + config.maxPageSize() + ".");
        }
        return limit;
    }

    /** Where the requested page starts, or null for the first page. */
    public Position position(String cursor, ListOrder order) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (order == ListOrder.NEWEST) {
            Cursor c = Cursor.decode(cursor);
            return new Position(null, c.at(), c.id());
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].equals(RANKED)) {
                throw new IllegalArgumentException("not a ranked cursor");
            }
            float rank = Float.parseFloat(parts[1]);
            if (!Float.isFinite(rank)) {
                throw new IllegalArgumentException("rank out of range");
            }
            Cursor time = Cursor.decode(parts[2]);
            return new Position(rank, time.at(), time.id());
        } catch (IllegalArgumentException | ProblemException e) {
            throw ProblemException.badParameter("cursor", "The cursor is not one this API issued for this order; "
                    + "start again without it.");
        }
    }

    public <E, V> Page<V> page(List<Hit<E>> hits, int limit, ListOrder order, Function<E, Instant> at,
            Function<E, UUID> id, Function<E, V> view) {
        List<Hit<E>> shown = hits.size() > limit ? hits.subList(0, limit) : hits;
        String next = null;
        if (hits.size() > limit) {
            Hit<E> last = shown.get(limit - 1);
            Cursor time = new Cursor(at.apply(last.row()), id.apply(last.row()));
            next = order == ListOrder.NEWEST ? time.encode() : Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (RANKED + "|" + last.rank() + "|" + time.encode()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page<>(shown.stream().map(h -> view.apply(h.row())).toList(), next);
    }
}
