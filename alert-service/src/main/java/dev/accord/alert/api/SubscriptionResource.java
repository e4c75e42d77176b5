package dev.accord.alert.api;

import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.service.SubscriptionService;
import dev.accord.common.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions: anyone may create one; only its token reads, lists deliveries of, or deletes it. */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@SecurityScheme(securitySchemeName = "subscriptionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token returned when the subscription was created")
public class SubscriptionResource {

    private static final String BEARER = "Bearer ";

    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a subscription; the answer holds its token and webhook secret, shown only this once")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid filter or channel")
    public Response create(@Valid SubscriptionRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("The request body is empty.");
        }
        SubscriptionCreated created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a subscription (its own token only)")
    public SubscriptionView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscription s = subscriptions.owned(id, token(authorization));
        return new SubscriptionView(s.id, s.name, new SubscriptionRequest.Filter(s.topics, s.countries, s.orgs, s.keywords),
                new SubscriptionView.ChannelView(s.channelType, s.webhookUrl, subscriptions.emailAddress(s).orElse(null)),
                s.digest, s.status, s.createdAt);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription (its own token only)")
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

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Use 'Authorization: Bearer <subscription token>'.");
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
