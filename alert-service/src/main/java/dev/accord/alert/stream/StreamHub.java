package dev.accord.alert.stream;

import dev.accord.alert.channel.NotificationStore;
import dev.accord.alert.channel.StoredNotification;
import dev.accord.alert.config.StreamConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The streams connected to this replica, fed by {@link NotificationFeed} and kept alive with comments. */
@ApplicationScoped
public class StreamHub {

    private final Set<SubscriberStream> streams = ConcurrentHashMap.newKeySet();
    private final NotificationStore log;
    private final StreamConfig config;

    public StreamHub(NotificationStore log, StreamConfig config) {
        this.log = log;
        this.config = config;
    }

    /**
     * Connects a client: it is registered before the replay is read, so nothing committed meanwhile
     * can fall between the two; the replay runs under the stream's lock, so live sends wait for it.
     * Without {@code lastEventId} the stream starts after the newest stored notification.
     */
    public void open(UUID subscriptionId, Long lastEventId, SseEventSink sink, Sse sse) {
        SubscriberStream stream = new SubscriberStream(subscriptionId, sink, sse, Long.MAX_VALUE);
        synchronized (stream) {
            streams.add(stream);
            stream.comment("connected");
            long start = lastEventId != null ? lastEventId : log.latestId(subscriptionId);
            stream.restartAfter(start);
            List<StoredNotification> missed = lastEventId == null ? List.of() : log.after(subscriptionId, start, config.maxReplay());
            missed.forEach(stream::send);
        }
    }

    /** Hands newly stored notifications to the streams of their subscriptions. */
    void dispatch(Collection<StoredNotification> notifications) {
        for (SubscriberStream stream : streams) {
            for (StoredNotification notification : notifications) {
                if (notification.subscriptionId().equals(stream.subscriptionId())) {
                    stream.send(notification);
                }
            }
        }
    }

    boolean isEmpty() {
        return streams.isEmpty();
    }

    /** How many clients are connected here (for tests and metrics). */
    public int connected() {
        streams.removeIf(SubscriberStream::isClosed);
        return streams.size();
    }

    @Scheduled(every = "${accord.alert.stream.keep-alive}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAlive() {
        streams.removeIf(SubscriberStream::isClosed);
        streams.forEach(stream -> stream.comment("keep-alive"));
    }

    void closeAll(@Observes ShutdownEvent shutdown) {
        streams.forEach(SubscriberStream::close);
        streams.clear();
    }
}
