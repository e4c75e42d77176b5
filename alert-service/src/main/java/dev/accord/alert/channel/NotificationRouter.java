package dev.accord.alert.channel;

import dev.accord.alert.digest.DigestPeriod;
import dev.accord.alert.digest.DigestStore;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.service.Notification;
import dev.accord.alert.stream.NotificationLog;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Stores what one match owes its subscription, in the caller's transaction: a delivery row (webhook
 * and e-mail), a stored notification for live streams (sse), or a notification held for the next
 * digest. Each is unique per subscription and event, so a redelivered record adds nothing.
 */
@ApplicationScoped
public class NotificationRouter {

    private final DeliveryQueue deliveries;
    private final NotificationLog log;
    private final DigestStore digests;

    public NotificationRouter(DeliveryQueue deliveries, NotificationLog log, DigestStore digests) {
        this.deliveries = deliveries;
        this.log = log;
        this.digests = digests;
    }

    /** Returns 1 when something new was stored, 0 when the event had already been routed to this subscription. */
    public int route(Subscription subscription, String eventId, String eventType, Notification notification, Instant now) {
        String payload = EventJson.write(notification);
        if (ChannelType.SSE.equals(subscription.channelType)) {
            return log.append(subscription.id, eventId, eventType, payload, now);
        }
        if (DigestPeriod.of(subscription.digest) != DigestPeriod.NONE) {
            return digests.hold(subscription.id, eventId, eventType, payload, now);
        }
        return deliveries.enqueue(UUID.randomUUID(), subscription.id, eventId, eventType, payload, now);
    }
}
