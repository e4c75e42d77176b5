package dev.accord.catalog.query;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page ends in its list order: the rank (relevance order only, else null), the time and the
 * id of its last row. The next page starts strictly after it.
 */
public record Position(Float rank, Instant at, UUID id) {
}
