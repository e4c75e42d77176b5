package dev.accord.alert.domain;

import java.time.Instant;

/** One attempt at a delivery as logged: HTTP status (null without an answer), how long it took, and any error. */
public record DeliveryAttempt(Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
}
