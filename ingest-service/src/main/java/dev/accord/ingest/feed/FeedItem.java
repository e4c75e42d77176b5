package dev.accord.ingest.feed;

import dev.accord.ingest.intake.UrlCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of a feed as published: its GUID (RSS {@code guid}, Atom {@code id}, RSS 1.0
 * {@code rdf:about}), link, title, date, full content ({@code content:encoded} or Atom {@code content},
 * HTML) and summary ({@code description} or Atom {@code summary}, HTML). Any of them may be null.
 */
public record FeedItem(String guid, String link, String title, Instant publishedAt, String content, String summary) {

    /** Keys longer than this are stored as their hash, so the unique index stays within PostgreSQL's limits. */
    private static final int MAX_KEY_CHARS = 512;

    /**
     * The identity of the entry within its feed: its GUID, else its canonical link, else a hash of
     * what it says. A republished feed then shows an entry already seen as seen, even when its order
     * or its other entries changed.
     */
    public String key() {
        String key;
        if (guid != null && !guid.isBlank()) {
            key = "guid:" + guid.strip();
        } else if (link != null && !link.isBlank()) {
            key = "link:" + UrlCanonicalizer.canonical(link);
        } else {
            key = "hash:" + sha256(nullToEmpty(title) + "\n" + nullToEmpty(summary) + "\n" + nullToEmpty(content));
        }
        return key.length() <= MAX_KEY_CHARS ? key : "sha256:" + sha256(key);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
