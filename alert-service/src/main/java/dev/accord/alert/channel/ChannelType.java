package dev.accord.alert.channel;

import java.util.List;

/** The channel types a subscription may use, as they appear in the API and the database. */
public final class ChannelType {

    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";
    public static final String SSE = "sse";
    public static final List<String> ALL = List.of(WEBHOOK, EMAIL, SSE);

    private ChannelType() {
    }
}
