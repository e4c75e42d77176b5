package dev.accord.alert.stream;

import dev.accord.alert.channel.StoredNotification;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.UUID;

/**
 * One connected client. Sends are serialised and only ever move forward: a notification at or below
 * the last id sent is dropped, so the replay on connect and live notifications can overlap safely.
 */
public final class SubscriberStream {

    private final UUID subscriptionId;
    private final SseEventSink sink;
    private final Sse sse;
    private long lastSentId;
    private boolean closed;

    SubscriberStream(UUID subscriptionId, SseEventSink sink, Sse sse, long startAfterId) {
        this.subscriptionId = subscriptionId;
        this.sink = sink;
        this.sse = sse;
        this.lastSentId = startAfterId;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    /** Sets where the stream resumes; called while the hub holds this stream's lock during connect. */
    synchronized void restartAfter(long id) {
        lastSentId = id;
    }

    synchronized void send(StoredNotification notification) {
        if (isClosed() || notification.id() <= lastSentId) {
            return;
        }
        OutboundSseEvent event = sse.newEventBuilder()
                .id(Long.toString(notification.id()))
                // No media type: the payload is already JSON text, and a set one is written as a non-standard
                // "content-type" field line that EventSource clients ignore.
                .data(String.class, notification.payload())
                .build();
        lastSentId = notification.id();
        write(event);
    }

    /** A comment line ({@code : keep-alive}), which EventSource clients ignore. */
    synchronized void comment(String text) {
        if (!isClosed()) {
            write(sse.newEventBuilder().comment(text).build());
        }
    }

    synchronized boolean isClosed() {
        return closed || sink.isClosed();
    }

    synchronized void close() {
        closed = true;
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private void write(OutboundSseEvent event) {
        try {
            sink.send(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    markClosed();
                }
            });
        } catch (IllegalStateException e) {
            // The client went away between the check and the write.
            closed = true;
        }
    }

    private synchronized void markClosed() {
        closed = true;
    }
}
