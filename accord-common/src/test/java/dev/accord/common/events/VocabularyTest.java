package dev.accord.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void valuesAreTheOnesTheSchemaAccepts() {
        assertThat(Vocabulary.topics()).contains("space", "defense", "energy-climate", "other").doesNotHaveDuplicates();
        assertThat(Vocabulary.stages()).startsWith("proposed").contains("launched").endsWith("cancelled");
        for (String topic : Vocabulary.topics()) {
            assertThat(EventSchemas.violations(EventSchemas.INITIATIVE_EXTRACTED, withTopic(topic))).isEmpty();
        }
        assertThat(EventSchemas.violations(EventSchemas.INITIATIVE_EXTRACTED, withTopic("astrology"))).isNotEmpty();
    }

    private static ObjectNode withTopic(String topic) {
        ObjectNode node = EventJson.mapper().valueToTree(new InitiativeExtracted(1, java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(), "t", "s", new Evidence("e", 0, 1), new Parties(List.of("JP"), List.of()),
                List.of(topic), "launched", 0.5, "rules-0.1", null));
        return node;
    }
}
