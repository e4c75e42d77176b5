package dev.accord.catalog.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.CatalogSeed;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tiered relevance order, read page by page at several page sizes, is the straightforward SQL order. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog-queries"),
        @ResourceArg(name = "config:accord.catalog.merge.threshold", value = "2") })
class RelevanceOrderTest {

    @Inject
    EntityManager em;

    @Test
    void relevancePagesFollowTheTiersThenTimeThenId() {
        try (CatalogSeed seed = new CatalogSeed()) {
            String word = seed.token();
            for (int i = 0; i < 3; i++) {
                seed.initiative("evidence only " + i, "Nothing here.", "The " + word + " appears in the evidence " + i + ".",
                        List.of("DE"), List.of("technology"), "planned");
                seed.initiative("summary " + i, "The " + word + " is in the summary.", "Evidence number " + i + ".",
                        List.of("FR"), List.of("trade"), "announced");
                seed.initiative(word + " in title " + i, "A summary " + i + ".", "Evidence " + i + ".", List.of("US"),
                        List.of("space"), "launched");
            }
            // Both words match only across fields: the last tier.
            seed.initiative("split " + word, "A quantum summary.", "Split evidence.", List.of("JP"), List.of("space"),
                    "proposed");
            seed.awaitCataloged();

            List<String> expected = sqlOrder(word);
            assertThat(expected).hasSize(10);
            for (int limit : List.of(1, 2, 4, 50)) {
                assertThat(pages(word, limit)).as("limit " + limit).isEqualTo(expected);
            }
            assertThat(pages(word + " quantum", 2)).hasSize(1);
        }
    }

    /** The relevance order spelled out as one SQL statement over every match. */
    @SuppressWarnings("unchecked")
    private List<String> sqlOrder(String word) {
        String q = "websearch_to_tsquery('english', CAST(?1 AS text))";
        return ((List<Object>) em.createNativeQuery("SELECT CAST(id AS text) FROM initiative WHERE search @@ " + q
                + " ORDER BY CASE WHEN ts_filter(search, '{a}') @@ " + q + " THEN 3 WHEN ts_filter(search, '{b}') @@ " + q
                + " THEN 2 ELSE 1 END DESC, first_seen_at DESC, id DESC").setParameter(1, word).getResultList())
                .stream().map(Object::toString).toList();
    }

    private static List<String> pages(String q, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", q).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/initiatives").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null && seen.size() < 100);
        return seen;
    }
}
