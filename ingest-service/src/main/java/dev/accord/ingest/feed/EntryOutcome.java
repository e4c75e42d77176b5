package dev.accord.ingest.feed;

import dev.accord.ingest.domain.FeedEntry;
import java.util.UUID;

/** What became of one feed entry: {@link FeedEntry#INGESTED}, {@link FeedEntry#DUPLICATE} or {@link FeedEntry#FAILED}. */
public record EntryOutcome(String status, UUID articleId, String error) {

    public static EntryOutcome ingested(UUID articleId, boolean duplicate) {
        return new EntryOutcome(duplicate ? FeedEntry.DUPLICATE : FeedEntry.INGESTED, articleId, null);
    }

    public static EntryOutcome failed(String error) {
        return new EntryOutcome(FeedEntry.FAILED, null, error);
    }

    public boolean isFailed() {
        return FeedEntry.FAILED.equals(status);
    }
}
