package dev.accord.console.catalog;

import dev.accord.console.web.Query;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The console's search form, whose fields are the catalog API's own query parameters. */
public class Search {

    static final List<String> STAGES = List.of("proposed", "planned", "announced", "agreed", "launched", "expanded", "completed",
            "cancelled", "suspended");

    @QueryParam("q")
    public String q;
    @QueryParam("topic")
    public List<String> topic;
    @QueryParam("country")
    public List<String> country;
    @QueryParam("org")
    public List<String> org;
    @QueryParam("stage")
    public List<String> stage;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("cursor")
    public String cursor;

    /** The filters as the catalog takes them (no cursor). */
    public Query filters() {
        return new Query().add("q", q).addAll("topic", topic).addAll("country", country).addAll("org", org).addAll("stage", stage)
                .add("from", from).add("to", to);
    }

    /** The console URL of this search with one more value of a facet. */
    public String with(String name, String value) {
        return "/initiatives?" + filters().add(name, value);
    }

    public boolean has(String name, String value) {
        List<String> values = switch (name) {
            case "topic" -> topic;
            case "country" -> country;
            case "org" -> org;
            case "stage" -> stage;
            default -> List.of();
        };
        return values != null && values.contains(value);
    }

    /** The codebook's stages (docs/extraction.md §3), for the stage filter. */
    public List<String> stages() {
        return STAGES;
    }

    public String qOrEmpty() {
        return q == null ? "" : q;
    }

    public String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public String fromOrEmpty() {
        return from == null ? "" : from;
    }

    public String toOrEmpty() {
        return to == null ? "" : to;
    }
}
