package dev.accord.ingest.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The JSON body of {@code POST /api/articles}: a page as HTML, or its text, or only its URL to fetch. */
public record ArticleSubmission(
        @Size(max = 2048) String url,
        @Size(max = 1000) String title,
        @Size(max = 200) String source,
        Instant publishedAt,
        String html,
        String text) {
}
