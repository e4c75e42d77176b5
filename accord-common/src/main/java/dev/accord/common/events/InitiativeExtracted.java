package dev.accord.common.events;

import java.util.List;
import java.util.UUID;

/** Data of {@value EventTypes#INITIATIVE_EXTRACTED} on {@value Topics#INITIATIVES}; schema {@code initiative-extracted.v1}. */
public record InitiativeExtracted(
        int schemaVersion,
        UUID id,
        UUID articleId,
        String title,
        String summary,
        Evidence evidence,
        Parties parties,
        List<String> topics,
        String stage,
        double confidence,
        String extractorVersion) {

    public static final int SCHEMA_VERSION = 1;
}
