package dev.accord.ingest.clean;

import java.time.Instant;

/** An article as submitted, before cleaning: any of html, text, or url alone. */
public record ArticleDraft(String url, String title, String source, Instant publishedAt, String html, String text) {

    public boolean hasContent() {
        return (html != null && !html.isBlank()) || (text != null && !text.isBlank());
    }
}
