package dev.accord.alert.domain;

import jakarta.persistence.Converter;

/** Where a delivery stands; stored and shown in lower case ("in_flight"), as the API and SQL name it. */
public enum DeliveryStatus {
    PENDING,
    IN_FLIGHT,
    DELIVERED,
    DEAD;

    public String wire() {
        return WireNames.of(this);
    }

    public static DeliveryStatus of(String wire) {
        return WireNames.parse(DeliveryStatus.class, wire);
    }

    /** Whether a delivery in this status still has an attempt to come. */
    public boolean awaitsAttempt() {
        return this == PENDING || this == IN_FLIGHT;
    }

    /** The column holds the wire form. */
    @Converter(autoApply = true)
    public static final class Column extends WireNames.Column<DeliveryStatus> {
        public Column() {
            super(DeliveryStatus.class);
        }
    }
}
