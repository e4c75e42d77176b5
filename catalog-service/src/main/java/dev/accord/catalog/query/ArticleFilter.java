package dev.accord.catalog.query;

import java.time.Instant;
import java.util.List;

/** The filters of the article list, with the same meaning as in {@link InitiativeFilter}. */
public record ArticleFilter(String query, List<String> topics, List<String> countries, List<String> orgs,
        Instant from, Instant until) {

    public ArticleFilter {
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        orgs = List.copyOf(orgs);
    }
}
