package dev.accord.catalog.query;

import java.time.Instant;
import java.util.List;

/**
 * The filters of the initiative list and its facets. Lists are "any of" their values and empty
 * means no restriction; {@code query} is a web-search style full-text query or null; {@code from}
 * is inclusive and {@code until} exclusive (both null for no bound).
 */
public record InitiativeFilter(String query, List<String> topics, List<String> countries, List<String> orgs,
        List<String> stages, Instant from, Instant until) {

    public InitiativeFilter {
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        orgs = List.copyOf(orgs);
        stages = List.copyOf(stages);
    }
}
