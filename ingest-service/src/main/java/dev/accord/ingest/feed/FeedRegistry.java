package dev.accord.ingest.feed;

import dev.accord.common.net.AddressGuard;
import dev.accord.common.web.Cursor;
import dev.accord.common.web.ProblemException;
import dev.accord.ingest.config.IngestConfig;
import dev.accord.ingest.domain.Feed;
import dev.accord.ingest.domain.FeedEntry;
import dev.accord.ingest.intake.UrlCanonicalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The feeds users registered. A feed URL must be http(s) and pass the address guard, like any URL
 * ingest fetches. Registering a URL already registered (compared in canonical form) returns the
 * existing feed rather than a second one — and turns it back on if it had been disabled, which is
 * what someone registering it again wants.
 */
@ApplicationScoped
public class FeedRegistry {

    private final EntityManager em;
    private final AddressGuard guard;
    private final FeedSchedule schedule;

    public FeedRegistry(EntityManager em, IngestConfig config, FeedSchedule schedule) {
        this.em = em;
        this.guard = new AddressGuard(config.fetch().allowedHosts().orElse(List.of()));
        this.schedule = schedule;
    }

    /** The registered feed, and whether this call created it. */
    public record Registration(Feed feed, boolean created) {
    }

    static final int MAX_URL_CHARS = 2048;
    static final int MAX_TITLE_CHARS = 300;

    @Transactional
    public Registration register(String url, String title) {
        String checked = checkUrl(url);
        if (title != null && title.strip().length() > MAX_TITLE_CHARS) {
            throw ProblemException.badParameter("title", "A title has at most " + MAX_TITLE_CHARS + " characters.");
        }
        if (title != null && title.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold NUL; refuse it here rather than fail the insert.
            throw ProblemException.badParameter("title", "A title cannot contain NUL characters.");
        }
        String canonical = UrlCanonicalizer.canonical(checked);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO feed (id, url, canonical_url, title, status, created_at, poll_interval_seconds, next_poll_at)
                VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?5)
                ON CONFLICT (canonical_url) DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, checked)
                .setParameter(3, canonical)
                .setParameter(4, title == null || title.isBlank() ? null : title.strip())
                .setParameter(5, now)
                .setParameter(6, schedule.min().toSeconds())
                .executeUpdate();
        if (inserted == 1) {
            return new Registration(em.find(Feed.class, id), true);
        }
        Feed existing = em.createQuery("FROM Feed WHERE canonicalUrl = ?1", Feed.class).setParameter(1, canonical)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        if (Feed.DISABLED.equals(existing.status)) {
            existing.status = Feed.ACTIVE;
            existing.errorCount = 0;
            existing.nextPollAt = now;
        }
        return new Registration(existing, false);
    }

    @Transactional
    public Optional<Feed> find(UUID id) {
        return Optional.ofNullable(em.find(Feed.class, id));
    }

    /** Up to {@code limit} feeds after {@code after}, newest first. */
    @Transactional
    public List<Feed> list(Cursor after, int limit) {
        return page(em.createQuery("FROM Feed f" + keyset(after, "f.createdAt", "f.id", "WHERE"), Feed.class), after, limit);
    }

    /** Up to {@code limit} entries of a feed after {@code after}, most recently seen first. */
    @Transactional
    public List<FeedEntry> entries(UUID feedId, Cursor after, int limit) {
        TypedQuery<FeedEntry> query = em.createQuery("FROM FeedEntry e WHERE e.feedId = :feed"
                + keyset(after, "e.firstSeenAt", "e.id", "AND"), FeedEntry.class).setParameter("feed", feedId);
        return page(query, after, limit);
    }

    /** Deletes the feed and what was recorded of its entries; the articles it brought in stay. */
    @Transactional
    public boolean delete(UUID id) {
        return em.createQuery("DELETE FROM Feed WHERE id = ?1").setParameter(1, id).executeUpdate() == 1;
    }

    private static String keyset(Cursor after, String time, String id, String joiner) {
        String where = after == null ? "" : " " + joiner + " (" + time + " < :at OR (" + time + " = :at AND " + id + " < :id))";
        return where + " ORDER BY " + time + " DESC, " + id + " DESC";
    }

    private static <T> List<T> page(TypedQuery<T> query, Cursor after, int limit) {
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    private String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter("url", "Give the feed's 'url'.");
        }
        if (url.length() > MAX_URL_CHARS) {
            throw ProblemException.badParameter("url", "A URL has at most " + MAX_URL_CHARS + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badParameter("url", "Not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.badParameter("url", "A feed URL must be http or https.");
        }
        if (uri.getHost() == null) {
            throw ProblemException.badParameter("url", "The URL has no host.");
        }
        try {
            guard.check(uri);
        } catch (AddressGuard.BlockedAddressException e) {
            throw new ProblemException(400, "URL not allowed", e.getMessage(), Map.of("parameter", "url"));
        }
        return uri.toString();
    }
}
