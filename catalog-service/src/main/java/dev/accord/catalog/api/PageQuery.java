package dev.accord.catalog.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Paging, order and representation of a list. */
public class PageQuery {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 200 (default 50).", example = "20")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page (or follow the Link rel=\"next\" header); "
            + "valid with the same query and sort.")
    public String cursor;

    @QueryParam("sort")
    @Parameter(description = "newest: newest first. relevance: best full-text match first (needs q): entries whose "
            + "title matches q, then those whose summary matches, then any other match, each newest first (articles: "
            + "by ts_rank, then newest). Default: relevance with q, else newest.")
    public String sort;

    @QueryParam("format")
    @Parameter(description = "Representation, overriding the Accept header (for links that carry no headers, "
            + "such as a feed reader's).")
    public String format;

    @HeaderParam("Accept")
    @Parameter(hidden = true)
    public List<String> accept;
}
