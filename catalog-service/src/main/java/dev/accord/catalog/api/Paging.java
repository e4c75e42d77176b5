package dev.accord.catalog.api;

import dev.accord.common.web.Page;
import dev.accord.catalog.config.CatalogConfig;
import dev.accord.common.web.Cursor;
import dev.accord.common.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Checks paging parameters and cuts a result of {@code limit + 1} rows into a page and its next cursor. */
@ApplicationScoped
public class Paging {

    private final CatalogConfig config;

    public Paging(CatalogConfig config) {
        this.config = config;
    }

    public int limit(Integer requested) {
        if (requested == null) {
            return config.defaultPageSize();
        }
        if (requested < 1 || requested > config.maxPageSize()) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and " + config.maxPageSize() + ".");
        }
        return requested;
    }

    public Cursor cursor(String cursor) {
        return Cursor.decode(cursor);
    }

    public <E, V> Page<V> page(List<E> rows, int limit, Function<E, Instant> at, Function<E, UUID> id, Function<E, V> view) {
        return Page.of(rows, limit, row -> new Cursor(at.apply(row), id.apply(row)), view);
    }
}
