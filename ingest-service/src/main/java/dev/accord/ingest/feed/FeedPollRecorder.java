package dev.accord.ingest.feed;

import dev.accord.ingest.config.IngestConfig;
import dev.accord.ingest.domain.Feed;
import dev.accord.ingest.domain.FeedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes down what a poll found: each entry's outcome as soon as it is known (so a poll cut short
 * loses nothing already done), then the feed's state and next poll. Only the poller holding the
 * feed's lease may record its outcome; a poller whose lease ran out and was taken over records nothing.
 */
@ApplicationScoped
public class FeedPollRecorder {

    private static final Logger LOG = Logger.getLogger(FeedPollRecorder.class);
    private static final int MAX_TEXT = 1000;

    private final EntityManager em;
    private final FeedSchedule schedule;
    private final int maxErrors;

    public FeedPollRecorder(EntityManager em, FeedSchedule schedule, IngestConfig config) {
        this.em = em;
        this.schedule = schedule;
        this.maxErrors = config.feeds().maxErrors();
    }

    /** The poll's result on the feed's schedule and validators. */
    public record Success(int httpStatus, String etag, String lastModified, String feedTitle, Duration nextInterval) {
    }

    /** Of {@code keys}, those not to be ingested again: done, or failed as often as allowed. */
    @Transactional
    public Set<String> settledKeys(UUID feedId, Collection<String> keys, int maxAttempts) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<String> settled = em.createQuery("""
                SELECT e.entryKey FROM FeedEntry e
                WHERE e.feedId = ?1 AND e.entryKey IN ?2 AND (e.status <> ?3 OR e.attempts >= ?4)""", String.class)
                .setParameter(1, feedId).setParameter(2, keys).setParameter(3, FeedEntry.FAILED).setParameter(4, maxAttempts)
                .getResultList();
        return new HashSet<>(settled);
    }

    /** Records an entry's outcome; a retried entry keeps its first-seen time and counts one more attempt. */
    @Transactional
    public void entry(UUID feedId, FeedItem item, EntryOutcome outcome) {
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO feed_entry (id, feed_id, entry_key, link, title, status, article_id, error, attempts,
                                        first_seen_at, last_attempt_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)
                ON CONFLICT (feed_id, entry_key) DO UPDATE SET status = excluded.status, article_id = excluded.article_id,
                    error = excluded.error, attempts = feed_entry.attempts + 1, last_attempt_at = excluded.last_attempt_at""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, feedId)
                .setParameter(3, item.key())
                .setParameter(4, cut(item.link(), 2048))
                .setParameter(5, cut(item.title(), MAX_TEXT))
                .setParameter(6, outcome.status())
                .setParameter(7, outcome.articleId())
                .setParameter(8, cut(outcome.error(), MAX_TEXT))
                .setParameter(9, now)
                .executeUpdate();
    }

    @Transactional
    public void succeeded(UUID feedId, String owner, Success success) {
        Instant now = Instant.now();
        Optional<Feed> held = held(feedId, owner);
        if (held.isEmpty()) {
            return;
        }
        Feed feed = held.get();
        feed.status = Feed.ACTIVE;
        feed.errorCount = 0;
        feed.lastPolledAt = now;
        feed.lastSuccessAt = now;
        feed.lastHttpStatus = success.httpStatus();
        if (success.httpStatus() != 304) {
            feed.etag = cut(success.etag(), MAX_TEXT);
            feed.lastModified = cut(success.lastModified(), 200);
        }
        if (feed.title == null && success.feedTitle() != null) {
            feed.title = cut(success.feedTitle(), 300);
        }
        feed.pollIntervalSeconds = success.nextInterval().toSeconds();
        feed.nextPollAt = now.plus(success.nextInterval());
        feed.entriesSeen = count(feedId, null);
        feed.entriesFailed = count(feedId, FeedEntry.FAILED);
        release(feed);
    }

    /** Records a failed poll and backs off; after {@code max-errors} failures in a row the feed is disabled. */
    @Transactional
    public void failed(UUID feedId, String owner, String error, Optional<Integer> httpStatus, Optional<Duration> retryAfter) {
        Instant now = Instant.now();
        Optional<Feed> held = held(feedId, owner);
        if (held.isEmpty()) {
            return;
        }
        Feed feed = held.get();
        feed.errorCount++;
        feed.lastPolledAt = now;
        feed.lastHttpStatus = httpStatus.orElse(null);
        feed.lastError = cut(error, MAX_TEXT);
        feed.lastErrorAt = now;
        if (feed.errorCount >= maxErrors) {
            feed.status = Feed.DISABLED;
            feed.nextPollAt = null;
            LOG.warnf("Feed %s (%s) disabled after %d failed polls in a row: %s", feed.id, feed.url, feed.errorCount, error);
        } else {
            feed.status = Feed.FAILING;
            feed.nextPollAt = now.plus(schedule.afterError(feed.errorCount, retryAfter));
        }
        release(feed);
    }

    private Optional<Feed> held(UUID feedId, String owner) {
        Feed feed = em.find(Feed.class, feedId, LockModeType.PESSIMISTIC_WRITE);
        if (feed == null) {
            LOG.debugf("Feed %s was deleted while it was polled", feedId);
            return Optional.empty();
        }
        if (!owner.equals(feed.leaseOwner)) {
            LOG.warnf("Feed %s: the lease ran out during the poll and another poller took it; its outcome is left to that one", feedId);
            return Optional.empty();
        }
        return Optional.of(feed);
    }

    private static void release(Feed feed) {
        feed.leasedUntil = null;
        feed.leaseOwner = null;
    }

    private int count(UUID feedId, String status) {
        var query = em.createQuery("SELECT count(e) FROM FeedEntry e WHERE e.feedId = ?1"
                + (status == null ? "" : " AND e.status = ?2"), Long.class).setParameter(1, feedId);
        if (status != null) {
            query.setParameter(2, status);
        }
        return query.getSingleResult().intValue();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
