package dev.accord.alert.service;

import dev.accord.alert.channel.NotificationRouter;
import dev.accord.alert.domain.Subscription;
import dev.accord.common.events.CatalogInitiative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Turns a catalog event into the deliveries it owes: one row per matching subscription, inserted
 * only if that (subscription, event) pair has none yet, so redelivered records add nothing.
 */
@ApplicationScoped
public class AlertPlanner {

    private static final Logger LOG = Logger.getLogger(AlertPlanner.class);

    private final SubscriptionMatcher matcher;
    private final NotificationRouter router;

    public AlertPlanner(SubscriptionMatcher matcher, NotificationRouter router) {
        this.matcher = matcher;
        this.router = router;
    }

    @Transactional
    public int plan(String eventId, String eventType, CatalogInitiative initiative) {
        int planned = 0;
        Instant now = Instant.now();
        for (Subscription subscription : Subscription.active()) {
            if (matcher.matches(subscription, initiative)) {
                Notification notification = new Notification(eventType, subscription.id, initiative, initiative.catalogUrl());
                planned += router.route(subscription, eventId, eventType, notification, now);
            }
        }
        LOG.debugf("Event %s planned %d deliveries", eventId, planned);
        return planned;
    }

}
