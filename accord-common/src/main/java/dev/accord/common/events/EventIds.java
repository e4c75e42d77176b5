package dev.accord.common.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers. Re-ingesting the same article must yield the same ids, so every id is
 * a name-based UUID of what identifies the thing rather than a random one.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID articleId(String identity) {
        return nameBased("article", identity);
    }

    /** An initiative is identified by its article and its evidence sentence (whitespace-normalised). */
    public static UUID initiativeId(UUID articleId, String evidenceSentence) {
        return nameBased("initiative", articleId + "|" + evidenceSentence.strip().replaceAll("\\s+", " "));
    }

    /** A CloudEvent id: stable for the same type, subject and content, so redelivered copies share it. */
    public static UUID eventId(String type, Object subject, String contentVersion) {
        return nameBased("event", type + "|" + subject + "|" + contentVersion);
    }

    private static UUID nameBased(String namespace, String name) {
        return UUID.nameUUIDFromBytes((namespace + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
