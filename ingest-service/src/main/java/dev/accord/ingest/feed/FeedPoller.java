package dev.accord.ingest.feed;

import dev.accord.ingest.config.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Polls the feeds that are due: claims one (see {@link FeedLeases}), fetches it conditionally,
 * parses it, ingests the entries it has not seen, and records the outcome and the next poll. Every
 * replica runs this; the leases keep them from polling one feed twice.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    /** This process's name on the leases it holds. */
    private final String owner = "poller-" + UUID.randomUUID();
    private final FeedLeases leases;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryIngester ingester;
    private final FeedPollRecorder recorder;
    private final FeedSchedule schedule;
    private final IngestConfig.Feeds config;

    public FeedPoller(FeedLeases leases, FeedFetcher fetcher, FeedParser parser, EntryIngester ingester,
            FeedPollRecorder recorder, FeedSchedule schedule, IngestConfig config) {
        this.leases = leases;
        this.fetcher = fetcher;
        this.parser = parser;
        this.ingester = ingester;
        this.recorder = recorder;
        this.schedule = schedule;
        this.config = config.feeds();
    }

    @Scheduled(every = "${accord.ingest.feeds.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollDue() {
        // One feed per claim: a lease starts when its claim does, so claiming a whole batch up front
        // would let the last feed's lease run down while the others are polled.
        for (int polled = 0; polled < config.batchSize(); polled++) {
            List<FeedLeases.Claimed> claimed = leases.claim(owner, Instant.now(), 1, config.lease());
            if (claimed.isEmpty()) {
                return;
            }
            poll(claimed.get(0));
        }
    }

    /** Polls one claimed feed; never throws, so one broken feed cannot stop the others. */
    void poll(FeedLeases.Claimed feed) {
        try {
            FetchedFeed fetched = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
            if (fetched.notModified()) {
                Duration next = schedule.afterSuccess(feed.pollInterval(), 0, sinceLastSuccess(feed));
                recorder.succeeded(feed.id(), owner, new FeedPollRecorder.Success(304, null, null, null, next));
                LOG.debugf("Polled feed %s: not modified; next poll in %s", feed.id(), next);
                return;
            }
            ParsedFeed parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.url());
            ingestNew(feed, fetched, parsed);
        } catch (FeedFetchException e) {
            fail(feed, e.getMessage(), e.httpStatus(), e.retryAfter());
        } catch (FeedParseException e) {
            fail(feed, e.getMessage(), Optional.of(200), Optional.empty());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling feed %s failed unexpectedly", feed.id());
            fail(feed, "internal error: " + e.getClass().getSimpleName(), Optional.empty(), Optional.empty());
        }
    }

    private void ingestNew(FeedLeases.Claimed feed, FetchedFeed fetched, ParsedFeed parsed) {
        List<FeedItem> fresh = unseen(feed.id(), parsed.items());
        List<FeedItem> batch = fresh.subList(0, Math.min(fresh.size(), config.maxEntriesPerPoll()));
        String source = sourceName(feed, parsed, fetched.url());
        int failed = 0;
        for (FeedItem item : batch) {
            EntryOutcome outcome = ingester.ingest(item, source);
            recorder.entry(feed.id(), item, outcome);
            if (outcome.isFailed()) {
                failed++;
                LOG.infof("Feed %s entry %s not ingested: %s", feed.id(), item.key(), outcome.error());
            }
        }
        boolean owed = fresh.size() > batch.size() || failed > 0;
        // Entries still owed (over the per-poll cap, or failed with attempts left) must not hide behind
        // a 304: validators are stored only once every entry is settled. Entries over the cap are
        // fetched at the minimum interval.
        Duration next = fresh.size() > batch.size() ? schedule.min()
                : schedule.afterSuccess(feed.pollInterval(), batch.size() - failed, sinceLastSuccess(feed));
        recorder.succeeded(feed.id(), owner, new FeedPollRecorder.Success(fetched.status(),
                owed ? null : fetched.etag(), owed ? null : fetched.lastModified(), parsed.title(), next));
        LOG.infof("Polled feed %s: %d entries, %d taken in (%d failed), %d left for the next poll; next poll in %s",
                feed.id(), parsed.items().size(), batch.size(), failed, fresh.size() - batch.size(), next);
    }

    /** Entries of this document not seen before (or failed, with attempts left), in document order, once each. */
    private List<FeedItem> unseen(UUID feedId, List<FeedItem> items) {
        Set<String> settled = recorder.settledKeys(feedId, items.stream().map(FeedItem::key).distinct().toList(),
                config.maxEntryAttempts());
        List<FeedItem> fresh = new ArrayList<>();
        Set<String> taken = new HashSet<>(settled);
        for (FeedItem item : items) {
            if (taken.add(item.key())) {
                fresh.add(item);
            }
        }
        return fresh;
    }

    private void fail(FeedLeases.Claimed feed, String error, Optional<Integer> status, Optional<Duration> retryAfter) {
        LOG.infof("Polling feed %s (%s) failed: %s", feed.id(), feed.url(), error);
        try {
            recorder.failed(feed.id(), owner, error, status, retryAfter);
        } catch (RuntimeException e) {
            // The lease runs out by itself, so the feed is polled again; nothing else to do here.
            LOG.errorf(e, "Could not record the failed poll of feed %s", feed.id());
        }
    }

    private static Optional<Duration> sinceLastSuccess(FeedLeases.Claimed feed) {
        return Optional.ofNullable(feed.lastSuccessAt()).map(t -> Duration.between(t, Instant.now()));
    }

    /** Articles from a feed name it as their source: its registered title, else its own, else its host. */
    private static String sourceName(FeedLeases.Claimed feed, ParsedFeed parsed, URI url) {
        if (feed.title() != null && !feed.title().isBlank()) {
            return feed.title();
        }
        if (parsed.title() != null) {
            return parsed.title();
        }
        return url.getHost() == null ? null : url.getHost().replaceFirst("^www\\.", "");
    }
}
