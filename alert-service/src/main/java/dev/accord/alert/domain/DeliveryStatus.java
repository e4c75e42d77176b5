package dev.accord.alert.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Where a delivery stands; stored and shown in lower case ("in_flight"), as the API and SQL name it. */
public enum DeliveryStatus {
    PENDING,
    IN_FLIGHT,
    DELIVERED,
    DEAD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Whether a delivery in this status still has an attempt to come. */
    public boolean awaitsAttempt() {
        return this == PENDING || this == IN_FLIGHT;
    }

    /** The column holds the wire form. */
    @Converter(autoApply = true)
    public static final class Column implements AttributeConverter<DeliveryStatus, String> {
        @Override
        public String convertToDatabaseColumn(DeliveryStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public DeliveryStatus convertToEntityAttribute(String column) {
            return column == null ? null : of(column);
        }
    }
}
