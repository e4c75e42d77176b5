package dev.accord.alert.planning;

import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.channel.Notification;
import dev.accord.alert.channel.NotificationStore;
import dev.accord.alert.delivery.DeliveryStore;
import dev.accord.alert.digest.DigestPeriod;
import dev.accord.alert.digest.DigestStore;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores what one match owes its subscription, in the caller's transaction: a delivery row (webhook
 * and e-mail), a stored notification for live streams (sse), or a notification held for the next
 * digest. Each is unique per subscription and event, so a redelivered record adds nothing.
 */
@ApplicationScoped
public class NotificationRouter {

    private final DeliveryStore deliveries;
    private final NotificationStore log;
    private final DigestStore digests;

    public NotificationRouter(DeliveryStore deliveries, NotificationStore log, DigestStore digests) {
        this.deliveries = deliveries;
        this.log = log;
        this.digests = digests;
    }

    /** A subscription an event is routed to: what the routing needs of it. */
    public record Recipient(UUID id, String channelType, String digest) {
    }

    /**
     * Routes one event to many subscriptions; their delivery rows go in one multi-row insert and
     * continue the event's trace. Returns how many things were newly stored.
     */
    public int routeAll(Collection<Recipient> subscriptions, String eventId, String eventType, String traceparent,
            Function<UUID, Notification> notificationFor, Instant now) {
        int stored = 0;
        List<DeliveryStore.NewDelivery> rows = new ArrayList<>();
        for (Recipient subscription : subscriptions) {
            String payload = EventJson.write(notificationFor.apply(subscription.id()));
            if (ChannelType.SSE.wire().equals(subscription.channelType())) {
                stored += log.append(subscription.id(), eventId, eventType, payload, now);
            } else if (DigestPeriod.of(subscription.digest()) != DigestPeriod.NONE) {
                stored += digests.hold(subscription.id(), eventId, eventType, payload, now);
            } else {
                rows.add(new DeliveryStore.NewDelivery(UUID.randomUUID(), subscription.id(), eventId, eventType, payload,
                        traceparent));
            }
        }
        return stored + deliveries.enqueueAll(rows, now);
    }
}
