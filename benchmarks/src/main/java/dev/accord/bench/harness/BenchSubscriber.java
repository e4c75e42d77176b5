package dev.accord.bench.harness;

import dev.accord.webhookreceiver.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's subscriber: a {@link WebhookReceiver} that verifies every delivery (answering 401 to one that does
 * not verify, which alert-service retries), and what the bench reads off it: when each verified delivery
 * arrived and which ids its body names, and whether deliveries have stopped coming.
 */
final class BenchSubscriber implements AutoCloseable {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One verified delivery: when it arrived (System.nanoTime) and the ids in its body. */
    record Receipt(long atNanos, List<String> ids) {
    }

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());

    BenchSubscriber() {
        receiver.onDelivery(delivery -> lastNanos.accumulateAndGet(delivery.nanos(), Math::max));
    }

    String url() {
        return receiver.url("/hook").toString();
    }

    void secret(String secret) {
        receiver.verifying(secret);
    }

    List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        for (WebhookReceiver.Received delivery : receiver.received()) {
            if (delivery.verified()) {
                List<String> ids = new ArrayList<>();
                Matcher matcher = UUID.matcher(delivery.body());
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
                receipts.add(new Receipt(delivery.nanos(), ids));
            }
        }
        return receipts;
    }

    long rejected() {
        return receiver.received().stream().filter(delivery -> !delivery.verified()).count();
    }

    /** Starts the quiet period over, as if a delivery had come now. */
    void restartQuiet() {
        lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** Whether no delivery came for {@code quiet}. */
    boolean quietFor(Duration quiet) {
        return System.nanoTime() - lastNanos.get() >= quiet.toNanos();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
