package dev.accord.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data of {@value EventTypes#ARTICLE_CATALOGED} on {@value Topics#CATALOG}; schema {@code catalog-article.v1}. */
public record CatalogArticle(
        int schemaVersion,
        UUID id,
        String url,
        String source,
        String title,
        Instant publishedAt,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<UUID> initiativeIds,
        String catalogUrl) {

    public static final int SCHEMA_VERSION = 1;
}
