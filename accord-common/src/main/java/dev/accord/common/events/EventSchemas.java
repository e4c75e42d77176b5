package dev.accord.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the event contract ({@code schemas/*.json} in this jar). Consumers validate
 * every record against them, so a record that breaks the contract goes to the dead-letter topic
 * instead of into a database; tests validate what producers emit against the same files.
 */
public final class EventSchemas {

    public static final String ARTICLE_INGESTED = "article-ingested.v1.json";
    public static final String INITIATIVE_EXTRACTED = "initiative-extracted.v1.json";
    public static final String CATALOG_INITIATIVE = "catalog-initiative.v1.json";
    public static final String CATALOG_ARTICLE = "catalog-article.v1.json";

    private static final String BASE = "https://accord.dev/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file for a CloudEvents type of the contract. */
    public static String forType(String eventType) {
        return switch (eventType) {
            case EventTypes.ARTICLE_INGESTED -> ARTICLE_INGESTED;
            case EventTypes.INITIATIVE_EXTRACTED -> INITIATIVE_EXTRACTED;
            case EventTypes.INITIATIVE_CATALOGED, EventTypes.INITIATIVE_UPDATED -> CATALOG_INITIATIVE;
            case EventTypes.ARTICLE_CATALOGED -> CATALOG_ARTICLE;
            default -> throw new IllegalArgumentException("Unknown event type " + eventType);
        };
    }

    /** The violations of {@code data} against the schema, empty when it conforms. */
    public static List<String> violations(String schemaFile, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile,
                file -> FACTORY.getSchema(SchemaLocation.of(BASE + file), CONFIG));
        return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
