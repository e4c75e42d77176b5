package dev.accord.alert.service;

import dev.accord.alert.channel.NotificationRouter;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.filter.SubscriptionIndex;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Turns a catalog event into the deliveries it owes: one row per matching subscription, inserted
 * only if that (subscription, event) pair has none yet, so redelivered records add nothing; the rows
 * of one event go to the database in one multi-row insert per batch. The index proposes the subscriptions; the database confirms they still exist and are active.
 */
@ApplicationScoped
public class AlertPlanner {

    private static final Logger LOG = Logger.getLogger(AlertPlanner.class);
    /** Ids confirmed per query, well below PostgreSQL's limit of bind parameters. */
    private static final int CONFIRM_BATCH = 1000;

    private final SubscriptionMatcher matcher;
    private final NotificationRouter router;

    public AlertPlanner(SubscriptionMatcher matcher, NotificationRouter router) {
        this.matcher = matcher;
        this.router = router;
    }

    /** Plans an initiative event for the subscriptions that want any of {@code kinds}. */
    @Transactional
    public int plan(CatalogEventRef event, CatalogInitiative initiative, Set<EventKind> kinds) {
        if (kinds.isEmpty()) {
            return 0;
        }
        SubscriptionIndex.Matches matched = matcher.matching(SubscriptionMatcher.documentOf(initiative, kinds), event.time());
        return deliver(event, matched, id -> new Notification(event.type(), id, initiative, initiative.catalogUrl()));
    }

    @Transactional
    public int plan(CatalogEventRef event, CatalogArticle article) {
        SubscriptionIndex.Matches matched = matcher.matching(SubscriptionMatcher.documentOf(article), event.time());
        return deliver(event, matched, id -> Notification.ofArticle(event.type(), id, article));
    }

    /** Expands the matched filter groups into one delivery per subscription. */
    private int deliver(CatalogEventRef event, SubscriptionIndex.Matches matches, Function<UUID, Notification> notificationFor) {
        List<UUID> matched = matches.ids();
        int planned = 0;
        Instant now = Instant.now();
        for (int from = 0; from < matched.size(); from += CONFIRM_BATCH) {
            List<UUID> batch = matched.subList(from, Math.min(matched.size(), from + CONFIRM_BATCH));
            List<Subscription> active = Subscription.<Subscription>find("id in ?1 and status = ?2", batch, Subscription.ACTIVE)
                    .withHint(HibernateHints.HINT_READ_ONLY, true).list();
            planned += router.routeAll(active, event, notificationFor, now);
        }
        LOG.debugf("Event %s matched %d subscriptions in %d filter groups, planned %d deliveries", event.id(), matched.size(),
                matches.groups(), planned);
        return planned;
    }
}
