package dev.accord.catalog.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The orders a list can be read in; each is total (ties broken by id), so keyset paging is stable. */
public enum ListOrder {
    /** Newest first: time descending, then id descending. */
    NEWEST,
    /** Best full-text match first (needs a query), then newest, then id. */
    RELEVANCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListOrder> parse(String value) {
        return Arrays.stream(values()).filter(o -> o.wire().equals(value)).findFirst();
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(ListOrder::wire).toList();
    }
}
