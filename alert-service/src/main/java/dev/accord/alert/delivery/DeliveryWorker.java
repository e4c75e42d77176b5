package dev.accord.alert.delivery;

import dev.accord.alert.channel.ChannelSender;
import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.channel.Outgoing;
import dev.accord.alert.channel.SendResult;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.observability.AlertMetrics;
import dev.accord.alert.observability.DeliveryTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes one attempt at a claimed delivery and settles it: delivered, scheduled for a retry, or dead.
 * A 410 Gone disables the subscription at once; an endpoint that has failed without a break for
 * {@code disable-after} is disabled too. Which deliveries run when is {@link DeliveryDispatcher}'s job.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);
    private final RetrySchedule retries;
    private final AlertConfig.Delivery config;
    private final DeliveryTraces traces;
    private final SuccessfulAttempts successes;

    public DeliveryWorker(DeliveryStore store, Instance<ChannelSender> senders, RetrySchedule retries,
            AlertConfig config, DeliveryTraces traces, SuccessfulAttempts successes) {
        this.successes = successes;
        this.store = store;
        senders.forEach(sender -> this.senders.put(sender.type(), sender));
        this.retries = retries;
        this.config = config.delivery();
        this.traces = traces;
    }

    /** One attempt, traced as a child of the event's trace and timed in the delivery metrics. */
    void attempt(DeliveryStore.Claimed delivery) {
        try (DeliveryTraces.Attempt observed = traces.attempt(delivery.id(), delivery.channelType(), delivery.traceparent())) {
            attempt(delivery, observed);
        }
    }

    private void attempt(DeliveryStore.Claimed delivery, DeliveryTraces.Attempt observed) {
        ChannelSender sender = senderFor(delivery.channelType());
        boolean endpointMayBeDisabled = sender.disablesFailingEndpoints();
        long started = System.nanoTime();
        SendResult result = sender.send(new Outgoing(delivery.id(), delivery.subscriptionId(), delivery.eventType(),
                delivery.payload(), delivery.url(), delivery.secrets()));
        int latencyMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        Instant now = Instant.now();
        if (result.delivered()) {
            successes.settle(new DeliveryStore.Success(delivery.id(), result.status(), now, latencyMs));
            observed.settled(AlertMetrics.DELIVERED);
            LOG.debugf("Delivery %s delivered (HTTP %d)", delivery.id(), result.status());
            return;
        }
        boolean gone = endpointMayBeDisabled && result.status() == 410;
        Duration retryIn = gone || delivery.finalAttempt() ? null
                : retries.after(delivery.attempts() + 1, result.retryAfter()).orElse(null);
        Optional<Instant> failingSince = store.failed(delivery, result.status(), result.error(), retryIn, now, latencyMs);
        observed.settled(retryIn == null ? AlertMetrics.DEAD : AlertMetrics.RETRY);
        LOG.infof("Delivery %s attempt %d failed (%s); %s", delivery.id(), delivery.attempts() + 1, result.error(),
                retryIn == null ? "no retries left" : "retry in " + retryIn);
        if (gone) {
            disable(delivery, "The endpoint answered 410 Gone.", now);
        } else if (endpointMayBeDisabled && failingSince.isPresent() && !failingSince.get().isAfter(now.minus(config.disableAfter()))) {
            disable(delivery, "Every attempt since " + failingSince.get() + " failed (longer than " + config.disableAfter()
                    + ").", now);
        }
    }

    /** Deliveries are queued only for channels that have a sender; a missing type is a webhook, as before types existed. */
    private ChannelSender senderFor(String channelType) {
        ChannelType type = channelType == null ? ChannelType.WEBHOOK : ChannelType.of(channelType).orElse(null);
        ChannelSender sender = type == null ? null : senders.get(type);
        if (sender == null) {
            throw new IllegalStateException("No sender for channel type " + channelType);
        }
        return sender;
    }

    private void disable(DeliveryStore.Claimed delivery, String reason, Instant now) {
        if (store.disable(delivery.subscriptionId(), reason, now)) {
            LOG.warnf("Subscription %s disabled: %s", delivery.subscriptionId(), reason);
        }
    }
}
