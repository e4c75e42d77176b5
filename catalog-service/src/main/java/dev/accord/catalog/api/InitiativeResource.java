package dev.accord.catalog.api;

import dev.accord.catalog.domain.Initiative;
import dev.accord.catalog.domain.Mention;
import dev.accord.catalog.domain.StageChange;
import dev.accord.catalog.query.CatalogQueries;
import dev.accord.catalog.query.InitiativeFacets;
import dev.accord.catalog.query.InitiativeFilter;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The initiative catalog: filtered, searchable, cursor-paged lists, facets, and single entries with their mentions. */
@Path("/api/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Initiatives")
public class InitiativeResource {

    private final CatalogQueries queries;
    private final ListParameters parameters;
    private final Paging paging;
    private final ViewMapper views;
    private final ListResponder responder;
    private final ListShapes shapes;

    public InitiativeResource(CatalogQueries queries, ListParameters parameters, Paging paging, ViewMapper views,
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
    @Operation(summary = "List or search catalog entries",
            description = "Newest first (by first seen), or best match first when searching with q. Filters combine "
                    + "with AND; a repeated parameter matches any of its values. Answers JSON, CSV (RFC 4180), NDJSON "
                    + "or an Atom feed, chosen by Accept or format; a next page is linked in the Link header.")
    @APIResponse(responseCode = "200", description = "One page of entries", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = ApiExamples.InitiativePage.class),
                examples = @ExampleObject(name = "page", value = ApiExamples.INITIATIVE_PAGE)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ApiExamples.INITIATIVE_CSV)),
        @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "ndjson", value = ApiExamples.INITIATIVE_NDJSON)),
        @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "feed", value = ApiExamples.INITIATIVE_ATOM))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it and its allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown stage", value = ApiExamples.BAD_PARAMETER)))
    @APIResponse(responseCode = "406", description = "None of the accepted media types is available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not acceptable", value = ApiExamples.NOT_ACCEPTABLE)))
    public Response list(@BeanParam InitiativeQuery query, @BeanParam PageQuery page, @Context UriInfo request) {
        ListFormat format = ListFormat.negotiate(page.format, page.accept);
        InitiativeFilter filter = filter(query);
        ListOrder order = parameters.order(page.sort, query.q);
        int limit = paging.limit(page.limit);
        return responder.respond(format, paging.page(queries.initiatives(filter, order, paging.position(page.cursor, order),
                limit), limit, order, (Initiative i) -> i.firstSeenAt, i -> i.id, views::summary),
                shapes.initiatives(), request);
    }

    @GET
    @Path("/facets")
    @Operation(summary = "Count matching entries by topic, country, organisation and stage",
            description = "Takes the same filters as the list. Each facet lists its most frequent values first.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = InitiativeFacets.class),
            examples = @ExampleObject(name = "facets", value = ApiExamples.FACETS)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it and its allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown stage", value = ApiExamples.BAD_PARAMETER)))
    public InitiativeFacets facets(@BeanParam InitiativeQuery query) {
        return queries.facets(filter(query));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One catalog entry with every article's mention of it and its stage history; the id ingest "
            + "gave an initiative that joined another entry redirects there")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiativeView.class)))
    @APIResponse(responseCode = "308", description = "The initiative with this id was merged into the entry in Location")
    @APIResponse(responseCode = "404", description = "No entry and no merged initiative has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id, @Context UriInfo request) {
        UUID uuid = Ids.parse(id);
        Initiative entry = queries.initiative(uuid).orElse(null);
        if (entry == null) {
            UUID joined = queries.entryOfMention(uuid)
                    .orElseThrow(() -> ProblemException.notFound("No initiative " + uuid + " in the catalog."));
            // Permanent: a mention never leaves the entry it joined.
            return Response.status(308).location(request.getBaseUriBuilder().path("api/initiatives")
                    .path(joined.toString()).build()).build();
        }
        return Response.ok(views.detail(entry, Mention.of(uuid), StageChange.of(uuid))).build();
    }

    private InitiativeFilter filter(InitiativeQuery query) {
        return parameters.initiatives(query.q, query.topic, query.country, query.org, query.stage, query.from, query.to);
    }
}
