package dev.accord.console.catalog;

import java.util.List;

/** The catalog's counts of the entries that match a search, by topic, country, organisation and stage. */
public record Facets(long total, List<Count> topic, List<Count> country, List<Count> org, List<Count> stage) {

    public record Count(String value, long count) {
    }
}
