package dev.accord.ingest.clean;

import java.time.Instant;

/**
 * An article's own text without page boilerplate (paragraphs separated by blank lines), and what the page
 * said about itself. {@code byline} is the page's author line, null when it names none.
 */
public record CleanedArticle(String text, String title, String canonicalUrl, String source, Instant publishedAt,
        String language, String byline) {
}
