package dev.accord.ingest.api;

import dev.accord.common.web.Cursor;
import dev.accord.common.web.Page;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.domain.Feed;
import dev.accord.ingest.feed.FeedRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RSS/Atom feeds to poll. Every operation needs the API key (see {@link ApiKeyFilter}): the feeds an operator or
 * subscriber registered, and what their polls saw, are their private data.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feeds")
public class FeedResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final FeedRegistry registry;

    public FeedResource(FeedRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Register a feed to poll; registering a URL again returns the feed registered first")
    @APIResponse(responseCode = "201", description = "Registered; polled within moments")
    @APIResponse(responseCode = "200", description = "This URL was registered already (a disabled feed is enabled again)")
    @APIResponse(responseCode = "400", description = "No URL, not http(s), or an address inside a private network")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    public Response register(FeedRegistration registration, @Context UriInfo uri) {
        if (registration == null) {
            throw ProblemException.badRequest("The request body is empty.");
        }
        FeedRegistry.Registration result = registry.register(registration.url(), registration.title());
        Response.ResponseBuilder answer = result.created() ? Response.status(Response.Status.CREATED) : Response.ok();
        return answer.location(uri.getBaseUriBuilder().path("api/feeds").path(result.feed().id.toString()).build())
                .entity(FeedView.of(result.feed())).build();
    }

    @GET
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "The registered feeds, newest first, with their polling state")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    public Page<FeedView> list(@Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int size = limit(limit);
        return Page.of(registry.list(Cursor.decode(cursor), size + 1), size, f -> new Cursor(f.createdAt, f.id), FeedView::of);
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "One feed with its polling state: last poll, status, errors, next poll, entries seen")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    @APIResponse(responseCode = "404", description = "No such feed")
    public FeedView get(@PathParam("id") UUID id) {
        return FeedView.of(feed(id));
    }

    @GET
    @Path("{id}/entries")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "The entries a feed's polls have seen, most recent first, with what became of each")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    public Page<FeedEntryView> entries(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        feed(id);
        int size = limit(limit);
        return Page.of(registry.entries(id, Cursor.decode(cursor), size + 1), size, e -> new Cursor(e.firstSeenAt, e.id),
                FeedEntryView::of);
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Stop polling a feed and forget its entries; articles it brought in stay")
    @APIResponse(responseCode = "401", description = "Missing or wrong API key")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such feed")
    public Response delete(@PathParam("id") UUID id) {
        if (!registry.delete(id)) {
            throw ProblemException.notFound("No feed " + id + ".");
        }
        return Response.noContent().build();
    }

    private Feed feed(UUID id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("No feed " + id + "."));
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return requested;
    }

    /** Cuts {@code limit + 1} rows into a page and, when there were more, the cursor after its last item. */
}
