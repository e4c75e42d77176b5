package dev.accord.alert.filter;

import java.util.Arrays;
import java.util.Optional;

/** The fields a query term may name, as in {@code country:JP}; a bare word is a keyword. */
public enum Field {
    TOPIC("topic"),
    COUNTRY("country"),
    ORG("org"),
    STAGE("stage"),
    KEYWORD("keyword");

    private final String name;

    Field(String name) {
        this.name = name;
    }

    public String fieldName() {
        return name;
    }

    public static Optional<Field> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(name)).findFirst();
    }
}
