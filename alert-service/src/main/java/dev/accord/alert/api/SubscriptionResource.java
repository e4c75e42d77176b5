package dev.accord.alert.api;

import dev.accord.alert.delivery.DeliveryLog;
import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.subscription.SecretRotated;
import dev.accord.alert.subscription.SubscriptionCreated;
import dev.accord.alert.subscription.SubscriptionRequest;
import dev.accord.alert.subscription.SubscriptionService;
import dev.accord.alert.subscription.SubscriptionUpdate;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Subscriptions: anyone may create one; only its token reads, changes, enables, rotates the secret of,
 * lists and re-sends deliveries of, or deletes it.
 */
@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@SecurityScheme(securitySchemeName = "subscriptionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token returned when the subscription was created")
public class SubscriptionResource {

    private static final String BEARER = "Bearer ";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final SubscriptionService subscriptions;
    private final DeliveryLog deliveryLog;
    private final StrictJsonReader json;

    public SubscriptionResource(SubscriptionService subscriptions, DeliveryLog deliveryLog, StrictJsonReader json) {
        this.subscriptions = subscriptions;
        this.deliveryLog = deliveryLog;
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

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled subscription again (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "200", description = "The subscription, now active")
    @APIResponse(responseCode = "409", description = "Not disabled (e.g. an unconfirmed or unsubscribed e-mail channel)")
    public SubscriptionView enable(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return view(subscriptions.enable(id, token(authorization)));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a subscription: nothing is matched for it until it is resumed (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "200", description = "The subscription, now paused")
    @APIResponse(responseCode = "409", description = "Not active (e.g. disabled or an unconfirmed e-mail channel)")
    public SubscriptionView pause(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return view(subscriptions.pause(id, token(authorization)));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused subscription; events from now on are matched again (its own token only)")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "200", description = "The subscription, active again")
    @APIResponse(responseCode = "409", description = "Not paused")
    public SubscriptionView resume(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return view(subscriptions.resume(id, token(authorization)));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Give a webhook subscription a new signing secret, shown only this once; the previous secret "
            + "also signs during the overlap")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "200", description = "{id, secret, previousSecretExpiresAt}")
    @APIResponse(responseCode = "409", description = "Not a webhook subscription")
    public SecretRotated rotateSecret(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return subscriptions.rotateSecret(id, token(authorization));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, with their status, attempts and next attempt")
    @SecurityRequirement(name = "subscriptionToken")
    public List<DeliveryView> deliveries(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("limit") String limit) {
        Subscription s = subscriptions.owned(id, token(authorization));
        return deliveryLog.recent(s.id, limit(limit)).stream().map(d -> DeliveryView.of(d, null)).toList();
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt (time, HTTP status, latency, error)")
    @SecurityRequirement(name = "subscriptionToken")
    public DeliveryView delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscription s = subscriptions.owned(id, token(authorization));
        Delivery delivery = deliveryLog.get(s.id, deliveryId);
        return DeliveryView.of(delivery, deliveryLog.attempts(delivery.id));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a dead or failed delivery again now, under the same webhook-id")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "202", description = "Due now")
    @APIResponse(responseCode = "409", description = "Delivered, in flight or not attempted yet")
    public Response retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Subscription s = subscriptions.owned(id, token(authorization));
        return Response.accepted(DeliveryView.of(deliveryLog.retry(s.id, deliveryId), null)).build();
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send every dead or failed delivery created since the given instant again, under the same "
            + "webhook-ids")
    @SecurityRequirement(name = "subscriptionToken")
    @APIResponse(responseCode = "202", description = "{since, count}: how many deliveries were re-queued")
    @APIResponse(responseCode = "400", description = "'since' missing, not an ISO-8601 instant, or in the future")
    public Response replay(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("since") String since) {
        Subscription s = subscriptions.owned(id, token(authorization));
        Instant from = since(since);
        return Response.accepted(new Replayed(from, deliveryLog.replay(s.id, from))).build();
    }

    /** The answer to a replay. */
    public record Replayed(Instant since, int count) {
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            throw ProblemException.badParameter("since", "Give 'since' as an ISO-8601 instant, e.g. 2026-11-28T09:00:00Z.");
        }
        Instant from;
        try {
            from = Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("since", "'" + since + "' is not an ISO-8601 instant such as "
                    + "2026-11-28T09:00:00Z.");
        }
        if (from.isAfter(Instant.now())) {
            throw ProblemException.badParameter("since", "'since' lies in the future.");
        }
        return from;
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter("limit", "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
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
