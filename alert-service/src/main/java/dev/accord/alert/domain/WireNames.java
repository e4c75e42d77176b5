package dev.accord.alert.domain;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/** Statuses travel in lower case ("in_flight") in the API, in SQL and in the columns; the enums hold them upper case. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    }

    /** A column holding an enum's wire name. */
    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : WireNames.of(value);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : parse(type, column);
        }
    }
}
