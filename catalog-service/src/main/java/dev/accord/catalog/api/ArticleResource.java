package dev.accord.catalog.api;

import dev.accord.common.web.Page;
import dev.accord.catalog.domain.Article;
import dev.accord.catalog.service.CatalogQueries;
import dev.accord.common.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles in the catalog. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final CatalogQueries queries;
    private final Paging paging;
    private final ViewMapper views;

    public ArticleResource(CatalogQueries queries, Paging paging, ViewMapper views) {
        this.queries = queries;
        this.paging = paging;
        this.views = views;
    }

    @GET
    @Operation(summary = "List articles, most recently cataloged first")
    public Page<ArticleView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = paging.limit(limit);
        return paging.page(queries.articles(paging.cursor(cursor), pageSize), pageSize, (Article a) -> a.catalogedAt,
                a -> a.id, a -> views.article(a, false));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its cleaned text and the ids of its initiatives")
    public ArticleView get(@PathParam("id") String id) {
        UUID uuid = Ids.parse(id);
        return views.article(queries.article(uuid)
                .orElseThrow(() -> ProblemException.notFound("No article " + uuid + " in the catalog.")), true);
    }
}
