package dev.accord.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@value EventTypes#INITIATIVE_CATALOGED} and {@value EventTypes#INITIATIVE_UPDATED} on
 * {@value Topics#CATALOG}; schema {@code catalog-initiative.v1}. {@code catalogUrl} already resolves
 * when the event is published, so alerts can link to it.
 *
 * <p>{@code change} says what an update is: {@value #CHANGE_MENTION} (another article reports the
 * entry) or {@value #CHANGE_STAGE} (a new mention moved the entry's stage from {@code previousStage}).
 * {@code mention} is the mention that caused the event. All three are optional and were added
 * without a version change; consumers that do not know them ignore them.
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
        String catalogUrl,
        String change,
        String previousStage,
        Mention mention) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CHANGE_MENTION = "mention";
    public static final String CHANGE_STAGE = "stage";

    /** An event without the optional change details. */
    public CatalogInitiative(int schemaVersion, UUID id, String title, String summary, Evidence evidence,
            Parties parties, List<String> topics, String stage, double confidence, List<UUID> articleIds,
            Instant firstSeenAt, Instant updatedAt, String catalogUrl) {
        this(schemaVersion, id, title, summary, evidence, parties, topics, stage, confidence, articleIds, firstSeenAt,
                updatedAt, catalogUrl, null, null, null);
    }

    /** One article's report of the entry: what it said and which stage it claimed. */
    public record Mention(UUID initiativeId, UUID articleId, String source, String title, String evidence,
            String stage, Instant mentionedAt) {
    }
}
