package dev.accord.alert.api;

import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.stream.StreamHub;
import dev.accord.alert.subscription.SubscriptionService;
import dev.accord.common.web.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live notifications of an {@code sse} subscription as Server-Sent Events: each event's {@code id}
 * is the stored notification's id and its {@code data} the notification JSON; a client that
 * reconnects with {@code Last-Event-ID} first gets what it missed (kept for the retention period).
 */
@Path("/api/subscriptions/{id}/stream")
@Tag(name = "Subscriptions")
public class StreamResource {

    private final SubscriptionService subscriptions;
    private final StreamHub hub;

    public StreamResource(SubscriptionService subscriptions, StreamHub hub) {
        this.subscriptions = subscriptions;
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Stream the subscription's notifications (its own token only); resumable with Last-Event-ID")
    public void stream(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Subscription subscription = subscriptions.owned(id, BearerToken.from(authorization));
        if (!ChannelType.SSE.wire().equals(subscription.channelType)) {
            throw new ProblemException(409, "Not a stream subscription", "This subscription delivers by "
                    + subscription.channelType + "; create one with channel {\"type\": \"sse\"} to stream.",
                    Map.of("parameter", "channel.type"));
        }
        hub.open(subscription.id, lastEventId(lastEventId), sink, sse);
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("Last-Event-ID", "Last-Event-ID must be an event id this stream sent.");
        }
    }
}
