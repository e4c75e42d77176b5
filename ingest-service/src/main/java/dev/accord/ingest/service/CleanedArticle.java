package dev.accord.ingest.service;

import java.time.Instant;

/** An article's own text without page boilerplate, and what the page said about itself. */
public record CleanedArticle(String text, String title, String canonicalUrl, String source, Instant publishedAt,
        String language) {
}
