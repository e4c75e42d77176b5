package dev.accord.catalog.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the article list; repeating a parameter means "any of" its values. */
public class ArticleQuery {

    @QueryParam("q")
    @Parameter(description = "Full-text search over the title and the cleaned text, in web-search syntax.",
            example = "\"state visit\"")
    public String q;

    @QueryParam("topic")
    @Parameter(description = "Taxonomy topic of the article; repeat for any of several.", example = "space")
    public List<String> topic;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code of a country the article names; repeat for any of several.",
            example = "JP")
    public List<String> country;

    @QueryParam("org")
    @Parameter(description = "Organisation the article names, exactly; repeat for any of several.", example = "NASA")
    public List<String> org;

    @QueryParam("from")
    @Parameter(description = "Cataloged at or after: an ISO-8601 date (UTC) or date-time with offset.", example = "2024-04-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Cataloged before this date-time, or on or before this date (UTC).", example = "2024-04-30")
    public String to;
}
