package dev.accord.alert.channel;

/**
 * Makes one attempt at a delivery over one channel type. The delivery worker picks the sender by the
 * subscription's channel; a new channel is a {@link ChannelType} and a sender bean.
 */
public interface ChannelSender {

    ChannelType type();

    SendResult send(Outgoing delivery);

    /**
     * Whether an endpoint that answers 410 Gone, or fails without a break for the configured time, gets its
     * subscription disabled (a receiver that is gone; a mailbox is not).
     */
    default boolean disablesFailingEndpoints() {
        return false;
    }
}
