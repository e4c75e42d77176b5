package dev.accord.common.events;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INITIATIVE_EXTRACTED} on {@value Topics#INITIATIVES}; schema {@code initiative-extracted.v1}.
 * {@code source} is the reporting article's outlet, as on its {@code article.ingested} event, so that a consumer
 * that sees the initiative before the article still knows who reported it (optional: absent from older events).
 */
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
        String extractorVersion,
        String source) {

    public static final int SCHEMA_VERSION = 1;
}
