package dev.accord.alert.planning;

import java.time.Instant;

/**
 * What the planner needs to know of a catalog event besides its data: its CloudEvents id (the
 * deliveries' unique key), its type, when it happened (the index must be at least that fresh), and
 * the W3C {@code traceparent} its deliveries continue (null if it came without one).
 */
public record CatalogEventRef(String id, String type, Instant time, String traceparent) {
}
