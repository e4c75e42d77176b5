package dev.accord.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final UUID ARTICLE = UUID.randomUUID();

    @Test
    void recordsOfTheContractConformToTheirSchemas() {
        assertThat(violations(EventSchemas.ARTICLE_INGESTED, article())).isEmpty();
        assertThat(violations(EventSchemas.INITIATIVE_EXTRACTED, initiative())).isEmpty();
        assertThat(violations(EventSchemas.CATALOG_INITIATIVE, new CatalogInitiative(1, UUID.randomUUID(), "t", "s",
                new Evidence("e", 0, 1), new Parties(List.of("JP"), List.of()), List.of("space"), "launched", 0.5,
                List.of(ARTICLE), Instant.now(), Instant.now(), "http://localhost:8082/api/initiatives/x"))).isEmpty();
        assertThat(violations(EventSchemas.CATALOG_ARTICLE, new CatalogArticle(1, ARTICLE, "https://example.org/a",
                "Example", "Title", null, List.of(), List.of("US"), List.of(), List.of(), "http://localhost:8082/api/articles/x")))
                .isEmpty();
    }

    @Test
    void updatesSayWhatChangedAndWhichMentionCausedIt() {
        UUID id = UUID.randomUUID();
        CatalogInitiative.Mention mention = new CatalogInitiative.Mention(UUID.randomUUID(), ARTICLE, "Example", "t",
                "e", "launched", Instant.now());
        CatalogInitiative update = new CatalogInitiative(1, id, "t", "s", new Evidence("e", 0, 1),
                new Parties(List.of("JP"), List.of()), List.of("space"), "launched", 0.5, List.of(ARTICLE),
                Instant.now(), Instant.now(), "http://localhost:8082/api/initiatives/" + id,
                CatalogInitiative.CHANGE_STAGE, "announced", mention);
        assertThat(violations(EventSchemas.CATALOG_INITIATIVE, update)).isEmpty();

        ObjectNode broken = EventJson.mapper().valueToTree(update);
        broken.put("change", "rename");
        broken.put("previousStage", "rumoured");
        ((ObjectNode) broken.get("mention")).remove("articleId");
        assertThat(EventSchemas.violations(EventSchemas.CATALOG_INITIATIVE, broken)).hasSize(3);
    }

    @Test
    void schemaViolationsAreReportedByField() {
        ObjectNode broken = EventJson.mapper().valueToTree(initiative());
        broken.put("stage", "rumoured");
        broken.remove("articleId");
        ((ObjectNode) broken.get("parties")).putArray("countries").add("Japan");

        List<String> violations = EventSchemas.violations(EventSchemas.INITIATIVE_EXTRACTED, broken);

        assertThat(violations).hasSize(3);
        assertThat(String.join("\n", violations)).contains("stage").contains("articleId").contains("countries");
    }

    @Test
    void malformedIdsAndTimesAreRejected() {
        ObjectNode broken = EventJson.mapper().valueToTree(article());
        broken.put("id", "not-a-uuid");
        broken.put("ingestedAt", "yesterday");

        assertThat(EventSchemas.violations(EventSchemas.ARTICLE_INGESTED, broken)).hasSize(2);
    }

    @Test
    void eventTypesMapToSchemas() {
        assertThat(EventSchemas.forType(EventTypes.INITIATIVE_UPDATED)).isEqualTo(EventSchemas.CATALOG_INITIATIVE);
    }

    private static ArticleIngested article() {
        return new ArticleIngested(1, ARTICLE, "https://example.org/a", "Example", "Title", null, Instant.now(), "en",
                "Text.", "sha256:" + "a".repeat(64), List.of("space"), List.of("US", "JP"), List.of("NASA"),
                List.of(), List.of(UUID.randomUUID()));
    }

    private static InitiativeExtracted initiative() {
        return new InitiativeExtracted(1, UUID.randomUUID(), ARTICLE, "A council", "A council is launched.",
                new Evidence("A council is launched.", 10, 31), new Parties(List.of("US", "JP"), List.of()),
                List.of("defense"), "launched", 0.6, "rules-0.1", null);
    }

    private static List<String> violations(String schema, Object record) {
        JsonNode json = EventJson.mapper().valueToTree(record);
        return EventSchemas.violations(schema, json);
    }
}
