package dev.accord.alert.filter;

import java.util.List;

/**
 * A subscription's filter as the subscriber wrote it: every non-empty list must match (any of its
 * values), and so must the query; {@code events} says which kinds of catalog change notify.
 */
public record FilterSpec(List<String> topics, List<String> countries, List<String> orgs, List<String> keywords,
        String query, List<String> events) {

    public static final List<String> DEFAULT_EVENTS = List.of(EventKind.INITIATIVE_CATALOGED.wire());

    public FilterSpec {
        topics = topics == null ? List.of() : topics;
        countries = countries == null ? List.of() : countries;
        orgs = orgs == null ? List.of() : orgs;
        keywords = keywords == null ? List.of() : keywords;
        query = query == null || query.isBlank() ? null : query;
        events = events == null || events.isEmpty() ? DEFAULT_EVENTS : events;
    }
}
