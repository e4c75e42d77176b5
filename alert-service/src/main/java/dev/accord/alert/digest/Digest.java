package dev.accord.alert.digest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body of a digest: every notification of one window, oldest first, each as it would have been sent alone. */
public record Digest(String type, UUID subscriptionId, String digest, Instant windowStart, Instant windowEnd,
        List<JsonNode> notifications) {

    public static final String TYPE = "accord.digest";

    /** The delivery's event id; with the delivery's uniqueness it also keeps a window from being sent twice. */
    public static String eventId(Instant windowStart) {
        return "digest:" + windowStart;
    }
}
