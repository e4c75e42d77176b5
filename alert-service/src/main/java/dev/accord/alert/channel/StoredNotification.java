package dev.accord.alert.channel;

import java.util.UUID;

/** A notification as kept for live streams; its id is the stream's event id. */
public record StoredNotification(long id, UUID subscriptionId, String eventType, String payload) {
}
