package dev.accord.alert.matching;

import dev.accord.alert.config.MatchingConfig;
import dev.accord.alert.domain.SubscriptionStatus;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.filter.EventDocument;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.filter.FilterException;
import dev.accord.alert.filter.FilterSpec;
import dev.accord.alert.filter.SubscriptionFilter;
import dev.accord.alert.filter.SubscriptionIndex;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Finds the active subscriptions a catalog event matches, through this replica's
 * {@link SubscriptionIndex}. The index follows this replica's own changes as soon as they commit, and
 * everyone else's by a refresh of the rows whose {@code updated_at} moved since the last look (every
 * {@code refresh-interval}), plus a full rebuild every {@code full-reload-interval}. It is loaded
 * before the first event is matched, so a replica that starts never matches against an empty index.
 *
 * <p>An event is never matched against an index older than the event: if the last look at the
 * database began before the event happened, the index is refreshed first. Otherwise a subscription
 * created through another replica would miss the events of its first seconds, until the next
 * scheduled refresh. Events come in bursts (a relay batch), so one refresh serves a whole burst.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    private static final Logger LOG = Logger.getLogger(SubscriptionMatcher.class);

    private final SubscriptionIndex index = new SubscriptionIndex();
    private final MatchingConfig config;
    private volatile boolean loaded;
    /** When the last refresh or reload began: the index holds every subscription committed before then. */
    private volatile Instant lastRefreshStart = Instant.MIN;
    private Instant lastFullLoad;

    public SubscriptionMatcher(MatchingConfig config) {
        this.config = config;
    }

    /**
     * The active subscriptions whose filters match, by distinct filter; the caller expands the groups
     * into deliveries and still confirms the subscriptions against the database.
     *
     * @param occurredAt when the event happened; subscriptions committed before then are matched
     */
    public SubscriptionIndex.Matches matching(EventDocument event, Instant occurredAt) {
        ensureLoaded();
        ensureFreshAsOf(occurredAt);
        return index.match(event);
    }

    public static EventDocument documentOf(CatalogInitiative initiative, Set<EventKind> kinds) {
        return EventDocument.of(kinds, initiative.topics(), initiative.parties().countries(),
                initiative.parties().organisations(), initiative.stage(),
                List.of(initiative.title(), initiative.summary(), initiative.evidence().sentence()));
    }

    public static EventDocument documentOf(CatalogArticle article) {
        return EventDocument.of(Set.of(EventKind.ARTICLE_CATALOGED), article.topics(), article.countries(),
                article.organisations(), null, article.title() == null ? List.of() : List.of(article.title()));
    }

    /** The compiled filter of a stored subscription. */
    public static SubscriptionFilter filterOf(Subscription s) {
        return SubscriptionFilter.compile(new FilterSpec(s.topics, s.countries, s.orgs, s.keywords, s.query, s.events));
    }

    void onStart(@Observes StartupEvent start) {
        try {
            ensureLoaded();
        } catch (RuntimeException e) {
            LOG.warn("Subscriptions could not be loaded at start; they will be before the first event is matched", e);
        }
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged change) {
        if (change.filter() == null) {
            index.remove(change.id());
        } else {
            index.put(change.id(), change.filter());
        }
    }

    @Scheduled(every = "${accord.alert.matching.refresh-interval:5s}", delayed = "${accord.alert.matching.refresh-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledRefresh() {
        if (!loaded || lastFullLoad.plus(config.fullReloadInterval()).isBefore(Instant.now())) {
            reload();
        } else {
            refresh();
        }
    }

    /** Whether this replica's index holds the subscription (it is active and its filter compiled). */
    public boolean isIndexed(UUID id) {
        return index.contains(id);
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    reload();
                }
            }
        }
    }

    /**
     * Refreshes once if the last look began before {@code occurredAt}. Only once: an event stamped
     * ahead of this replica's clock would otherwise refresh forever.
     */
    private void ensureFreshAsOf(Instant occurredAt) {
        if (!lastRefreshStart.isAfter(occurredAt)) {
            synchronized (this) {
                if (!lastRefreshStart.isAfter(occurredAt)) {
                    refresh();
                }
            }
        }
    }

    /** Rebuilds the index from every active subscription. */
    synchronized void reload() {
        Instant start = Instant.now();
        List<Subscription> active = QuarkusTransaction.joiningExisting().call(Subscription::active);
        Map<UUID, SubscriptionFilter> filters = new HashMap<>();
        for (Subscription subscription : active) {
            SubscriptionFilter filter = compiled(subscription);
            if (filter != null) {
                filters.put(subscription.id, filter);
            }
        }
        index.replaceAll(filters);
        lastRefreshStart = start;
        lastFullLoad = start;
        loaded = true;
        LOG.debugf("Subscription index loaded: %d subscriptions, %d without an index key", index.size(), index.fallbackSize());
    }

    /** Applies the rows changed since the last refresh: active ones are (re)indexed, others dropped. */
    synchronized void refresh() {
        Instant start = Instant.now();
        Instant since = lastRefreshStart.minus(config.refreshOverlap());
        List<Subscription> changed = QuarkusTransaction.joiningExisting()
                .call(() -> Subscription.<Subscription>find("updatedAt > ?1", since)
                        // Only read: spares the flush at commit a dirty check of every row (each refresh rereads a window of rows).
                        .withHint(HibernateHints.HINT_READ_ONLY, true).list());
        for (Subscription subscription : changed) {
            SubscriptionFilter filter = subscription.status == SubscriptionStatus.ACTIVE ? compiled(subscription) : null;
            if (filter == null) {
                index.remove(subscription.id);
            } else {
                index.put(subscription.id, filter);
            }
        }
        lastRefreshStart = start;
    }

    private static SubscriptionFilter compiled(Subscription subscription) {
        try {
            return filterOf(subscription);
        } catch (FilterException e) {
            // Only possible if the vocabulary shrank after the subscription was accepted; it then matches nothing.
            LOG.warnf("Subscription %s has a filter that no longer compiles (%s); it is not matched", subscription.id,
                    e.getMessage());
            return null;
        }
    }
}
