package dev.accord.ingest.api;

import dev.accord.ingest.domain.Feed;
import java.time.Instant;
import java.util.UUID;

/**
 * A feed as the API shows it: where it is, its state ({@code active}, {@code failing}, {@code disabled}),
 * its last poll and its outcome, the consecutive errors and the last one, when it is polled next (null
 * while disabled) and how many of its entries were seen (and how many of those could not be ingested).
 */
public record FeedView(UUID id, String url, String title, String status, Instant createdAt, Instant lastPolledAt,
        Instant lastSuccessAt, Integer lastHttpStatus, Instant nextPollAt, long pollIntervalSeconds, int errorCount,
        String lastError, Instant lastErrorAt, int entriesSeen, int entriesFailed) {

    public static FeedView of(Feed f) {
        return new FeedView(f.id, f.url, f.title, f.status, f.createdAt, f.lastPolledAt, f.lastSuccessAt, f.lastHttpStatus,
                f.nextPollAt, f.pollIntervalSeconds, f.errorCount, f.lastError, f.lastErrorAt, f.entriesSeen, f.entriesFailed);
    }
}
