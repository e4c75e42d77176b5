package dev.accord.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** Returned once, at creation: the token authorises the subscriber's own calls, the secret signs its webhooks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionCreated(UUID id, String token, String secret) {
}
