package dev.accord.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as the API shows it; {@code text} is filled on the single-article endpoint only. */
public record ArticleView(UUID id, String url, String source, String title, Instant publishedAt, Instant ingestedAt,
        String language, String contentHash, List<String> topics, List<String> countries, List<String> organisations,
        List<String> people, List<UUID> initiativeIds, String text) {
}
