package dev.accord.alert.subscription;

import java.time.Instant;
import java.util.UUID;

/** The new signing secret, shown only this once; the previous one also signs until {@code previousSecretExpiresAt}. */
public record SecretRotated(UUID id, String secret, Instant previousSecretExpiresAt) {
}
