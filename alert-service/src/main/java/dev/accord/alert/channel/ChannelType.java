package dev.accord.alert.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The channel types a subscription may use; {@link #wire()} is how they appear in the API and the database. */
public enum ChannelType {

    WEBHOOK("webhook"),
    EMAIL("email"),
    SSE("sse");

    private final String wire;

    ChannelType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type named {@code wire} ("webhook"), if it is one. */
    public static Optional<ChannelType> of(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }

    /** Whether {@code wire} names this type; a missing name is the default channel, a webhook. */
    public boolean is(String wire) {
        return this.wire.equals(wire == null ? WEBHOOK.wire : wire);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ChannelType::wire).toList();
    }
}
