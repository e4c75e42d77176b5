package dev.accord.alert.domain;

import jakarta.persistence.Converter;

/** Where a subscription stands; stored and shown in lower case ("active"), as the API and SQL name it. */
public enum SubscriptionStatus {
    ACTIVE,
    /** An e-mail subscription whose address has not confirmed it yet: nothing is matched for it. */
    UNCONFIRMED,
    UNSUBSCRIBED,
    /** A webhook subscription whose endpoint is gone (410) or kept failing: nothing is matched or sent until re-enabled. */
    DISABLED,
    /** Paused by its owner: nothing is matched for it until it is resumed (deliveries already queued still go out). */
    PAUSED;

    public String wire() {
        return WireNames.of(this);
    }

    public static SubscriptionStatus of(String wire) {
        return WireNames.parse(SubscriptionStatus.class, wire);
    }

    /** The column holds the wire form. */
    @Converter(autoApply = true)
    public static final class Column extends WireNames.Column<SubscriptionStatus> {
        public Column() {
            super(SubscriptionStatus.class);
        }
    }
}
