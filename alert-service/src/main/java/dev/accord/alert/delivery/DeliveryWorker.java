package dev.accord.alert.delivery;

import dev.accord.alert.channel.ChannelType;
import dev.accord.alert.config.AlertConfig;
import dev.accord.alert.mail.EmailSender;
import dev.accord.alert.observability.AlertMetrics;
import dev.accord.alert.observability.DeliveryTraces;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/** Sends due deliveries and settles each one: delivered, scheduled for a retry, or dead. */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EmailSender email;
    private final RetrySchedule retries;
    private final AlertConfig.Delivery config;
    private final DeliveryClaims claims; // observability: shutdown release
    private final DeliveryTraces traces; // observability: trace + metrics per attempt

    public DeliveryWorker(DeliveryStore store, WebhookSender sender, EmailSender email, RetrySchedule retries,
            AlertConfig config, DeliveryClaims claims, DeliveryTraces traces) {
        this.store = store;
        this.sender = sender;
        this.email = email;
        this.retries = retries;
        this.config = config.delivery();
        this.claims = claims;
        this.traces = traces;
    }

    @Scheduled(every = "${accord.alert.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        List<DeliveryStore.Claimed> claimed;
        do {
            claimed = store.claimDue(config.batchSize(), config.claimTimeout());
            claims.held(claimed.stream().map(DeliveryStore.Claimed::id).toList());
            for (DeliveryStore.Claimed delivery : claimed) {
                if (!claims.begin(delivery.id())) {
                    return; // shutting down: DeliveryClaims hands the rest back
                }
                try (DeliveryTraces.Attempt observed = traces.attempt(delivery.id(), delivery.channelType())) {
                    attempt(delivery, observed);
                } finally {
                    claims.end(delivery.id());
                }
            }
        } while (claimed.size() == config.batchSize() && !claims.stopping());
    }

    private void attempt(DeliveryStore.Claimed delivery, DeliveryTraces.Attempt observed) {
        SendResult result = ChannelType.EMAIL.equals(delivery.channelType())
                ? email.send(delivery.id(), delivery.subscriptionId(), delivery.eventType(), delivery.payload())
                : sender.send(delivery.url(), delivery.secret(), delivery.id().toString(), delivery.payload());
        if (result.delivered()) {
            store.delivered(delivery.id(), result.status());
            observed.settled(AlertMetrics.DELIVERED);
            LOG.debugf("Delivery %s delivered (HTTP %d)", delivery.id(), result.status());
            return;
        }
        Duration retryIn = retries.after(delivery.attempts() + 1, result.retryAfter()).orElse(null);
        store.failed(delivery.id(), result.status(), result.error(), retryIn);
        observed.settled(retryIn == null ? AlertMetrics.DEAD : AlertMetrics.RETRY);
        LOG.infof("Delivery %s attempt %d failed (%s); %s", delivery.id(), delivery.attempts() + 1, result.error(),
                retryIn == null ? "no retries left" : "retry in " + retryIn);
    }
}
