package dev.accord.ingest.api;

import dev.accord.ingest.domain.FeedEntry;
import java.time.Instant;
import java.util.UUID;

/** An entry a feed's polls have seen: its identity, and whether it became an article (or why not). */
public record FeedEntryView(String key, String link, String title, String status, UUID articleId, String error,
        int attempts, Instant firstSeenAt, Instant lastAttemptAt) {

    public static FeedEntryView of(FeedEntry e) {
        return new FeedEntryView(e.entryKey, e.link, e.title, e.status, e.articleId, e.error, e.attempts, e.firstSeenAt,
                e.lastAttemptAt);
    }
}
