package dev.accord.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of a query that fetched {@code limit + 1} rows: the extra row, if any, only says a next
     * page exists, and the cursor points after the last row shown.
     */
    public static <E, V> Page<V> of(List<E> rows, int limit, Function<E, Cursor> cursorOf, Function<E, V> view) {
        List<E> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? cursorOf.apply(shown.get(limit - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
