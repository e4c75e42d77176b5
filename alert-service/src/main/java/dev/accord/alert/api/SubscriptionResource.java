package dev.accord.alert.api;

import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.service.SubscriptionService;
import dev.accord.common.web.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions: anyone may create one; only its token reads, changes, lists deliveries of, or deletes it. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@SecurityScheme(securitySchemeName = "subscriptionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token returned when the subscription was created")
public class SubscriptionResource {

    private static final String BEARER = "Bearer ";

    private final SubscriptionService subscriptions;
    private final StrictJsonReader json;

    public SubscriptionResource(SubscriptionService subscriptions, StrictJsonReader json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a subscription; the answer holds its token and webhook secret, shown only this once")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid filter, query, channel or unknown field; problem+json with "
            + "'errors' (field, message, position in a query)")
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "429", description = "Rate limited; see Retry-After")
    public Response create(String body, @Context UriInfo uri) {
        SubscriptionRequest request = json.read(body, SubscriptionRequest.class, "Invalid subscription");
        SubscriptionCreated created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a subscription (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    public SubscriptionView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return view(subscriptions.owned(id, token(authorization)));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a subscription's name, filter, event kinds or webhook URL (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionUpdate.class)))
    public SubscriptionView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        String token = token(authorization);
        // Ownership first, so a stranger learns nothing from how their body would have been judged.
        subscriptions.owned(id, token);
        SubscriptionUpdate update = json.read(body, SubscriptionUpdate.class, "Invalid subscription");
        return view(subscriptions.update(id, token, update));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        subscriptions.delete(id, token(authorization));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, with their attempts and errors")
    public List<DeliveryView> deliveries(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscription s = subscriptions.owned(id, token(authorization));
        List<Delivery> deliveries = Delivery.list("subscriptionId = ?1 order by createdAt desc", s.id);
        return deliveries.stream().map(d -> new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts,
                d.nextAttemptAt, d.lastStatus, d.lastError, d.createdAt, d.deliveredAt)).toList();
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, subscriptions.emailAddress(subscription).orElse(null));
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Use 'Authorization: Bearer <subscription token>'.");
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
