package dev.accord.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed value sets of the event contract (topics of the taxonomy, lifecycle stages), read from
 * the initiative schema so that the schema stays their only definition: what a producer may send is
 * exactly what a query API may accept.
 */
public final class Vocabulary {

    private static final JsonNode DEFINITIONS = load(EventSchemas.INITIATIVE_EXTRACTED).path("$defs");
    private static final List<String> TOPICS = enumOf("topic");
    private static final List<String> STAGES = enumOf("stage");

    private Vocabulary() {
    }

    /** Taxonomy topics, in the schema's order. */
    public static List<String> topics() {
        return TOPICS;
    }

    /** Lifecycle stages, from the earliest to the last. */
    public static List<String> stages() {
        return STAGES;
    }

    private static List<String> enumOf(String definition) {
        JsonNode values = DEFINITIONS.path(definition).path("enum");
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException("The schema defines no values for " + definition);
        }
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return List.copyOf(list);
    }

    private static JsonNode load(String schemaFile) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream("schemas/" + schemaFile)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + schemaFile);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
