package dev.accord.catalog.query;

import java.util.List;

/** How many catalog entries match a filter, and how they spread over topics, countries, organisations and stages. */
public record InitiativeFacets(long total, List<Count> topic, List<Count> country, List<Count> org, List<Count> stage) {

    /** One value of a facet and the number of matching entries that carry it. */
    public record Count(String value, long count) {
    }
}
