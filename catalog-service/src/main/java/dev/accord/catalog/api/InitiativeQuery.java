package dev.accord.catalog.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the initiative list and its facets; repeating a parameter means "any of" its values. */
public class InitiativeQuery {

    @QueryParam("q")
    @Parameter(description = "Full-text search over title, summary and evidence, in web-search syntax: words, "
            + "\"quoted phrases\", `or`, and `-` to exclude a word. Words are stemmed (English).",
            example = "lunar -mars")
    public String q;

    @QueryParam("topic")
    @Parameter(description = "Taxonomy topic; repeat for any of several.", example = "space")
    public List<String> topic;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 country code of a party; repeat for any of several.", example = "JP")
    public List<String> country;

    @QueryParam("org")
    @Parameter(description = "Organisation that is a party, exactly as listed (see the org facet); repeat for any of several.",
            example = "NASA")
    public List<String> org;

    @QueryParam("stage")
    @Parameter(description = "Current lifecycle stage; repeat for any of several.", example = "launched")
    public List<String> stage;

    @QueryParam("from")
    @Parameter(description = "First seen at or after: an ISO-8601 date (start of that day, UTC) or date-time with offset.",
            example = "2024-04-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "First seen before this date-time, or on or before this date (the whole day, UTC).",
            example = "2024-04-30")
    public String to;
}
