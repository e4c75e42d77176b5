package dev.accord.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INITIATIVE_CATALOGED} and {@value EventTypes#INITIATIVE_UPDATED} on
 * {@value Topics#CATALOG}; schema {@code catalog-initiative.v1}. {@code catalogUrl} already resolves
 * when the event is published, so alerts can link to it.
 */
public record CatalogInitiative(
        int schemaVersion,
        UUID id,
        String title,
        String summary,
        Evidence evidence,
        Parties parties,
        List<String> topics,
        String stage,
        double confidence,
        List<UUID> articleIds,
        Instant firstSeenAt,
        Instant updatedAt,
        String catalogUrl) {

    public static final int SCHEMA_VERSION = 1;
}
