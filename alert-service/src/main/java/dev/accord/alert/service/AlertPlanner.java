package dev.accord.alert.service;

import dev.accord.alert.domain.Delivery;
import dev.accord.alert.domain.Subscription;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns a catalog event into the deliveries it owes: one row per matching subscription, inserted
 * only if that (subscription, event) pair has none yet, so redelivered records add nothing.
 */
@ApplicationScoped
public class AlertPlanner {

    private static final Logger LOG = Logger.getLogger(AlertPlanner.class);

    private final SubscriptionMatcher matcher;
    private final EntityManager em;

    public AlertPlanner(SubscriptionMatcher matcher, EntityManager em) {
        this.matcher = matcher;
        this.em = em;
    }

    @Transactional
    public int plan(String eventId, String eventType, CatalogInitiative initiative) {
        int planned = 0;
        Instant now = Instant.now();
        for (Subscription subscription : Subscription.active()) {
            if (matcher.matches(subscription, initiative)) {
                Notification notification = new Notification(eventType, subscription.id, initiative, initiative.catalogUrl());
                planned += em.createNativeQuery("INSERT INTO delivery (id, subscription_id, event_id, event_type, payload, "
                        + "status, attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7) "
                        + "ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, subscription.id)
                        .setParameter(3, eventId)
                        .setParameter(4, eventType)
                        .setParameter(5, EventJson.write(notification))
                        .setParameter(6, Delivery.PENDING)
                        .setParameter(7, now)
                        .executeUpdate();
            }
        }
        LOG.debugf("Event %s planned %d deliveries", eventId, planned);
        return planned;
    }

}
