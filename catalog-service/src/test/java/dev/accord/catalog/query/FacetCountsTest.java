package dev.accord.catalog.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.accord.catalog.CatalogSeed;
import dev.accord.common.events.EventIds;
import dev.accord.common.events.EventTypes;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import dev.accord.common.events.Topics;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory facet counts are the straightforward SQL answer for every filter, also after a new
 * mention changes an entry's stage, parties and topics (merging on, so the mention joins the entry).
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class FacetCountsTest {

    @Inject
    CatalogQueries queries;

    @Test
    void facetCountsEqualTheSqlAnswerAlsoAfterAnEntryChanges() {
        try (CatalogSeed seed = new CatalogSeed(); CloudEventProducer producer = new CloudEventProducer(TestKafka.bootstrapServers())) {
            Instant start = Instant.now();
            seed.initiative("hydrogen corridor", "A hydrogen corridor.", "The hydrogen corridor was proposed.",
                    List.of("DE", "NL"), List.of("energy-climate", "trade"), "proposed");
            seed.initiative("chip alliance", "A chip alliance.", "The chip alliance was announced.", List.of("US", "JP"),
                    List.of("technology"), "announced");
            seed.initiative("satellite pact", "A satellite pact.", "The satellite pact was launched.", List.of("US", "IN"),
                    List.of("space", "technology"), "launched");
            seed.initiative("vaccine fund", "A vaccine fund.", "The vaccine fund was planned.", List.of("ZA"),
                    List.of("health"), "planned");
            Instant middle = Instant.now();
            seed.initiative("cyber drill", "A cyber drill.", "The cyber drill was announced.", List.of("US", "GB"),
                    List.of("security", "technology"), "announced");
            List<InitiativeFilter> filters = filters(seed, start, middle);
            filters.forEach(f -> assertThat(queries.facets(f)).as(f.toString()).isEqualTo(queries.facetsBySql(f)));
            assertThat(queries.facets(filter(seed, List.of("technology"), List.of()))).satisfies(f -> {
                assertThat(f.total()).isEqualTo(3);
                assertThat(f.country().get(0)).isEqualTo(new InitiativeFacets.Count("US", 3));
            });

            // A later report of the chip alliance: a new party, a new topic, a later stage.
            String evidence = "The chip alliance was announced.";
            UUID articleId = UUID.randomUUID();
            UUID entry = queries.initiatives(filter(seed, List.of("technology"), List.of("JP")), ListOrder.NEWEST, null, 10)
                    .get(0).row().id;
            producer.send(Topics.INITIATIVES, entry.toString(), UUID.randomUUID().toString(),
                    EventTypes.INITIATIVE_EXTRACTED, new InitiativeExtracted(1, EventIds.initiativeId(articleId, evidence),
                            articleId, "chip alliance", "A chip alliance.", new Evidence(evidence, 0, evidence.length()),
                            new Parties(List.of("US", "JP", "KR"), List.of("NASA", seed.org())), List.of("technology", "trade"),
                            "launched", 0.8, "rules-0.1", null));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/initiatives/" + entry).then()
                    .statusCode(200).body("stage", equalTo("launched")));

            filters.forEach(f -> assertThat(queries.facets(f)).as(f.toString()).isEqualTo(queries.facetsBySql(f)));
            InitiativeFacets technology = queries.facets(filter(seed, List.of("technology"), List.of()));
            assertThat(technology.stage()).containsExactly(new InitiativeFacets.Count("launched", 2),
                    new InitiativeFacets.Count("announced", 1));
            assertThat(technology.country()).contains(new InitiativeFacets.Count("KR", 1));
            assertThat(queries.facets(filter(seed, List.of(), List.of("KR"))).total()).isEqualTo(1);
        }
    }

    private static List<InitiativeFilter> filters(CatalogSeed seed, Instant start, Instant middle) {
        List<String> org = List.of(seed.org());
        List<InitiativeFilter> filters = new ArrayList<>();
        filters.add(new InitiativeFilter(null, List.of(), List.of(), org, List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of("technology"), List.of(), org, List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of("technology", "health"), List.of("US", "ZA"), org, List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of(), List.of("US"), org, List.of("announced", "launched"), null, null));
        filters.add(new InitiativeFilter(null, List.of(), List.of(), org, List.of(), start, middle));
        filters.add(new InitiativeFilter(null, List.of(), List.of(), org, List.of(), middle, null));
        filters.add(new InitiativeFilter(null, List.of("culture"), List.of(), org, List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of(), List.of("XX"), List.of(), List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of(), List.of(), List.of(), List.of(), null, null));
        filters.add(new InitiativeFilter(null, List.of("technology"), List.of("US"), List.of(), List.of(), null, null));
        return filters;
    }

    private static InitiativeFilter filter(CatalogSeed seed, List<String> topics, List<String> countries) {
        return new InitiativeFilter(null, topics, countries, List.of(seed.org()), List.of(), null, null);
    }
}
