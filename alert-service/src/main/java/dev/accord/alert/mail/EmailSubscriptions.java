package dev.accord.alert.mail;

import dev.accord.alert.delivery.DeliveryStore;
import dev.accord.alert.digest.DigestStore;
import dev.accord.alert.domain.Credentials;
import dev.accord.alert.domain.EmailChannel;
import dev.accord.alert.domain.Subscription;
import dev.accord.alert.domain.SubscriptionStatus;
import dev.accord.alert.matching.SubscriptionChanged;
import dev.accord.alert.matching.SubscriptionMatcher;
import dev.accord.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Double opt-in and unsubscribing for e-mail subscriptions. A new one stays {@code unconfirmed}, and
 * so matches nothing, until the confirmation link is followed and its page's button pressed; its
 * confirmation mail goes through the delivery queue like any alert, with the same retries.
 */
@ApplicationScoped
public class EmailSubscriptions {

    /** Event type of the confirmation mail's delivery. */
    public static final String CONFIRMATION = "accord.subscription.confirmation";

    /** The body stored for a confirmation delivery. */
    public record Confirmation(String type, UUID subscriptionId) {
    }

    private final DeliveryStore deliveries;
    private final DigestStore digests;
    private final Event<SubscriptionChanged> changes;

    public EmailSubscriptions(DeliveryStore deliveries, DigestStore digests, Event<SubscriptionChanged> changes) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.changes = changes;
    }

    /** Records the address of a just-created subscription and queues its confirmation mail (caller's transaction). */
    public void register(Subscription subscription, String address, Instant now) {
        EmailChannel channel = new EmailChannel();
        channel.subscriptionId = subscription.id;
        channel.address = address;
        channel.confirmToken = Credentials.newToken();
        channel.unsubscribeToken = Credentials.newToken();
        channel.createdAt = now;
        channel.persist();
        deliveries.enqueue(UUID.randomUUID(), subscription.id, "confirmation", CONFIRMATION,
                EventJson.write(new Confirmation(CONFIRMATION, subscription.id)), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EmailChannel> byConfirmToken(String token) {
        return EmailChannel.byConfirmToken(token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EmailChannel> byUnsubscribeToken(String token) {
        return EmailChannel.byUnsubscribeToken(token);
    }

    /** Activates the subscription; confirming twice changes nothing, and an unsubscribed address stays so. */
    @Transactional
    public Optional<EmailChannel> confirm(String token) {
        Optional<EmailChannel> found = EmailChannel.byConfirmToken(token);
        found.filter(c -> c.confirmedAt == null && c.unsubscribedAt == null).ifPresent(channel -> {
            channel.confirmedAt = Instant.now();
            Subscription subscription = Subscription.findById(channel.subscriptionId);
            if (subscription != null && subscription.status == SubscriptionStatus.UNCONFIRMED) {
                subscription.status = SubscriptionStatus.ACTIVE;
                subscription.updatedAt = channel.confirmedAt;
                // This replica's index matches for it from the commit on; others on their next refresh.
                changes.fire(new SubscriptionChanged(subscription.id, SubscriptionMatcher.filterOf(subscription)));
            }
        });
        return found;
    }

    /**
     * Stops the subscription for good: it matches nothing more, and mails not yet sent are cancelled
     * (their deliveries end as dead with the reason), held digest notifications are dropped.
     */
    @Transactional
    public Optional<EmailChannel> unsubscribe(String token) {
        Optional<EmailChannel> found = EmailChannel.byUnsubscribeToken(token);
        found.filter(c -> c.unsubscribedAt == null).ifPresent(channel -> {
            Instant now = Instant.now();
            channel.unsubscribedAt = now;
            Subscription subscription = Subscription.findById(channel.subscriptionId);
            if (subscription != null) {
                subscription.status = SubscriptionStatus.UNSUBSCRIBED;
                subscription.updatedAt = now;
                changes.fire(new SubscriptionChanged(subscription.id, null));
            }
            deliveries.cancelPending(channel.subscriptionId, "unsubscribed");
            digests.dropHeld(channel.subscriptionId);
        });
        return found;
    }
}
