package dev.accord.alert.planning;

import dev.accord.alert.channel.Notification;
import dev.accord.alert.domain.SubscriptionStatus;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.filter.EventKind;
import dev.accord.alert.filter.SubscriptionIndex;
import dev.accord.alert.matching.SubscriptionMatcher;
import dev.accord.common.events.CatalogArticle;
import dev.accord.common.events.CatalogInitiative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
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

    private static final String ACTIVE_RECIPIENTS =
            "SELECT id, channel_type, digest FROM subscription WHERE id = ANY (?) AND status = ?";

    private final SubscriptionMatcher matcher;
    private final NotificationRouter router;
    private final EntityManager em;

    public AlertPlanner(SubscriptionMatcher matcher, NotificationRouter router, EntityManager em) {
        this.matcher = matcher;
        this.router = router;
        this.em = em;
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

    /**
     * Which of {@code ids} are still active subscriptions, with what routing needs of them. Plain JDBC: this runs for
     * every event, and loading entities through a query here was most of the planner's cost.
     */
    private List<NotificationRouter.Recipient> active(List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(ACTIVE_RECIPIENTS)) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                s.setString(2, SubscriptionStatus.ACTIVE.wire());
                List<NotificationRouter.Recipient> recipients = new ArrayList<>(ids.size());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        recipients.add(new NotificationRouter.Recipient(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getString(3)));
                    }
                }
                return recipients;
            }
        });
    }

    /** Expands the matched filter groups into one delivery per subscription. */
    private int deliver(CatalogEventRef event, SubscriptionIndex.Matches matches, Function<UUID, Notification> notificationFor) {
        List<UUID> matched = matches.ids();
        int planned = 0;
        Instant now = Instant.now();
        for (int from = 0; from < matched.size(); from += CONFIRM_BATCH) {
            List<UUID> batch = matched.subList(from, Math.min(matched.size(), from + CONFIRM_BATCH));
            planned += router.routeAll(active(batch), event.id(), event.type(), event.traceparent(), notificationFor, now);
        }
        LOG.debugf("Event %s matched %d subscriptions in %d filter groups, planned %d deliveries", event.id(), matched.size(),
                matches.groups(), planned);
        return planned;
    }
}
