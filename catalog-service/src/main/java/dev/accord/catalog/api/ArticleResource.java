package dev.accord.catalog.api;

import dev.accord.catalog.domain.Article;
import dev.accord.catalog.query.ArticleFilter;
import dev.accord.catalog.query.CatalogQueries;
import dev.accord.catalog.query.Hit;
import dev.accord.catalog.query.ListOrder;
import dev.accord.common.web.Problem;
import dev.accord.common.web.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles in the catalog. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final CatalogQueries queries;
    private final ListParameters parameters;
    private final Paging paging;
    private final ViewMapper views;
    private final ListResponder responder;
    private final ListShapes shapes;

    public ArticleResource(CatalogQueries queries, ListParameters parameters, Paging paging, ViewMapper views,
            ListResponder responder, ListShapes shapes) {
        this.queries = queries;
        this.parameters = parameters;
        this.paging = paging;
        this.views = views;
        this.responder = responder;
        this.shapes = shapes;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "List or search articles",
            description = "Most recently cataloged first, or best match first when searching with q. Answers JSON, "
                    + "CSV (RFC 4180), NDJSON or an Atom feed, chosen by Accept or format.")
    @APIResponse(responseCode = "200", description = "One page of articles (without their text)", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = ApiExamples.ArticlePage.class),
                examples = @ExampleObject(name = "page", value = ApiExamples.ARTICLE_PAGE)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it and its allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown stage", value = ApiExamples.BAD_PARAMETER)))
    @APIResponse(responseCode = "406", description = "None of the accepted media types is available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not acceptable", value = ApiExamples.NOT_ACCEPTABLE)))
    public Response list(@BeanParam ArticleQuery query, @BeanParam PageQuery page, @Context UriInfo request) {
        ListFormat format = ListFormat.negotiate(page.format, page.accept);
        ArticleFilter filter = parameters.articles(query.q, query.topic, query.country, query.org, query.from, query.to);
        ListOrder order = parameters.order(page.sort, query.q);
        int limit = paging.limit(page.limit);
        List<Hit<Article>> hits = queries.articles(filter, order, paging.position(page.cursor, order), limit);
        Map<UUID, UUID> placements = queries.placements(hits.stream().flatMap(h -> h.row().initiativeIds.stream()).toList());
        return responder.respond(format, paging.page(hits, limit, order, (Article a) -> a.catalogedAt, a -> a.id,
                a -> views.article(a, false, placements)), shapes.articles(), request);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its cleaned text and the catalog entries it mentions")
    public ArticleView get(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id);
        Article article = queries.article(uuid)
                .orElseThrow(() -> ProblemException.notFound("No article " + uuid + " in the catalog."));
        return views.article(article, true, queries.placements(article.initiativeIds));
    }
}
