package dev.accord.catalog.service;

import java.time.Instant;

/** A decoded event from Kafka: its CloudEvents id, when its producer published it, and its data. */
public record ConsumedEvent<T>(String eventId, Instant publishedAt, T data) {
}
