package dev.accord.alert.channel;

import java.util.List;
import java.util.UUID;

/** What a sender needs of one claimed delivery: where it goes, what it carries, and how it is signed. */
public record Outgoing(UUID deliveryId, UUID subscriptionId, String eventType, String payload, String url,
        List<String> secrets) {
}
