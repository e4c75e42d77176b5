package dev.accord.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data of {@value EventTypes#ARTICLE_INGESTED} on {@value Topics#ARTICLES}; schema {@code article-ingested.v1}. */
public record ArticleIngested(
        int schemaVersion,
        UUID id,
        String url,
        String source,
        String title,
        Instant publishedAt,
        Instant ingestedAt,
        String language,
        String text,
        String contentHash,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<String> people,
        List<UUID> initiativeIds) {

    public static final int SCHEMA_VERSION = 1;
}
