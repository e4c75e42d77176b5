package dev.accord.catalog.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.accord.catalog.CatalogSeed;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
// Query tests seed look-alike rows on purpose (pages of near-identical entries); the merge rule would
// fold them into one entry, so these classes run with merging off, on a database of their own.
@WithTestResource(value = AccordTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog-queries"),
        @ResourceArg(name = "config:accord.catalog.merge.threshold", value = "2") })
class InitiativeSearchTest {

    private static CatalogSeed seed;
    private static UUID lunar;
    private static UUID airDefense;
    private static UUID solar;
    private static final List<UUID> FILLERS = new ArrayList<>();
    private static Instant seededAfter;

    @BeforeEach
    void seedOnce() {
        if (seed != null) {
            return;
        }
        seededAfter = Instant.now();
        seed = new CatalogSeed();
        String word = seed.token();
        lunar = seed.initiative("lunar gateway " + word, "NASA and JAXA are launching a lunar gateway partnership.",
                "NASA and JAXA are launching the " + word + " lunar gateway partnership.", List.of("US", "JP"),
                List.of("space"), "launched");
        airDefense = seed.initiative("integrated air defense network",
                "Australia and the United States will link their air defense networks.",
                "The network also tracks lunar " + word + " debris, officials said.", List.of("AU", "US"),
                List.of("defense", "space"), "announced");
        solar = seed.initiative("solar trade pact", "France proposes a solar panel trade pact.",
                "France proposed a pact on solar panel trade.", List.of("FR"), List.of("trade", "energy-climate"),
                "proposed");
        for (int i = 0; i < 7; i++) {
            FILLERS.add(seed.initiative("quantum computing exchange " + i, "A research exchange on quantum computing.",
                    "The universities agreed exchange number " + i + " on quantum computing.", List.of("DE"),
                    List.of("technology"), "planned"));
        }
        seed.article("Lunar partnership " + word, "NASA and JAXA signed a lunar gateway partnership in Tokyo.",
                List.of("space"), List.of("US", "JP"));
        seed.article("Trade talks", "Ministers discussed tariffs on solar panels.", List.of("trade"), List.of("FR"));
        seed.awaitCataloged();
    }

    @Test
    void fullTextSearchMatchesStemsPhrasesAndExclusionsAndRanksTitleMatchesFirst() {
        // "launch" finds "launching" in the summary (English stemming).
        assertThat(ids(Map.of("q", "launch"))).containsExactly(lunar);
        // The token is in lunar's title (weight A) but only in the air-defense evidence (weight C).
        assertThat(ids(Map.of("q", seed.token()))).containsExactly(lunar, airDefense);
        assertThat(ids(Map.of("q", "\"air defense\""))).containsExactly(airDefense);
        assertThat(ids(Map.of("q", "lunar -gateway"))).containsExactly(airDefense);
        assertThat(ids(Map.of("q", "solar or quantum"))).hasSize(8).contains(solar);
        assertThat(ids(Map.of("q", "nonexistentwordxyz"))).isEmpty();
        // Explicitly newest first, the later-published entry comes first whatever the rank.
        assertThat(ids(Map.of("q", seed.token(), "sort", "newest"))).containsExactly(airDefense, lunar);
    }

    @Test
    void filtersCombineAndRepeatedValuesMatchAnyOfThem() {
        assertThat(ids(Map.of("topic", List.of("trade", "defense")))).containsExactlyInAnyOrder(solar, airDefense);
        assertThat(ids(Map.of("topic", "space", "stage", "launched"))).containsExactly(lunar);
        assertThat(ids(Map.of("stage", List.of("launched", "proposed")))).containsExactlyInAnyOrder(lunar, solar);
        assertThat(ids(Map.of("country", "jp"))).containsExactly(lunar);
        assertThat(ids(Map.of("country", List.of("FR", "AU")))).containsExactlyInAnyOrder(solar, airDefense);
        assertThat(ids(Map.of("topic", "technology", "q", "quantum"))).hasSize(7);
        assertThat(ids(Map.of("topic", "space", "q", "solar"))).isEmpty();
        given().queryParam("org", "Agency somebody-else").get("/api/initiatives").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void dateRangesTakeDatesAndDateTimes() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(ids(Map.of("from", today, "to", today, "stage", "launched"))).containsExactly(lunar);
        assertThat(ids(Map.of("to", yesterday))).isEmpty();
        assertThat(ids(Map.of("from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()))).isEmpty();
        assertThat(ids(Map.of("from", seededAfter.minusSeconds(1).toString(), "stage", "proposed"))).containsExactly(solar);
        assertThat(ids(Map.of("to", seededAfter.minusSeconds(1).toString()))).isEmpty();
        // An offset other than Z, with its '+' sent unencoded (so it arrives as a space).
        String later = seededAfter.plusSeconds(3600).atOffset(ZoneOffset.ofHours(2)).toString();
        assertThat(given().urlEncodingEnabled(false).get("/api/initiatives?org=" + encoded(seed.org()) + "&to=" + later).then().statusCode(200).extract().jsonPath().getList("items")).hasSize(10);
    }

    @Test
    void cursorPagingVisitsEveryEntryOnceInBothOrders() {
        List<UUID> newest = allPages(Map.of(), 3);
        assertThat(newest).hasSize(10).doesNotHaveDuplicates();
        // Entries were cataloged one after another, so newest first is the reverse of publishing.
        List<UUID> published = new ArrayList<>(List.of(lunar, airDefense, solar));
        published.addAll(FILLERS);
        java.util.Collections.reverse(published);
        assertThat(newest).isEqualTo(published);
        List<UUID> relevant = allPages(Map.of("q", "quantum or lunar or solar or network"), 2);
        assertThat(relevant).hasSize(10).doesNotHaveDuplicates();
        assertThat(relevant).isEqualTo(ids(Map.of("q", "quantum or lunar or solar or network", "limit", "50")));
        // A cursor of one order is refused by the other.
        String relevanceCursor = list(Map.of("q", "quantum", "limit", "1")).getString("nextCursor");
        given().queryParam("cursor", relevanceCursor).get("/api/initiatives").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
        String newestCursor = list(Map.of("limit", "1")).getString("nextCursor");
        given().queryParam("cursor", newestCursor).queryParam("q", "quantum").get("/api/initiatives").then()
                .statusCode(400).body("parameter", equalTo("cursor"));
    }

    @Test
    void facetsCountTheSameSelection() {
        JsonPath facets = request(Map.of()).get("/api/initiatives/facets").then().statusCode(200).extract().jsonPath();
        assertThat(facets.getLong("total")).isEqualTo(10);
        assertThat(counts(facets, "topic")).containsEntry("technology", 7).containsEntry("space", 2)
                .containsEntry("trade", 1).containsEntry("energy-climate", 1).containsEntry("defense", 1).hasSize(5);
        assertThat(counts(facets, "country")).containsEntry("DE", 7).containsEntry("US", 2).containsEntry("JP", 1);
        assertThat(counts(facets, "org")).containsEntry("NASA", 10).containsEntry(seed.org(), 10).hasSize(2);
        assertThat(counts(facets, "stage")).containsEntry("planned", 7).containsEntry("launched", 1)
                .containsEntry("announced", 1).containsEntry("proposed", 1);
        assertThat(facets.getList("topic.value")).first().isEqualTo("technology");

        JsonPath searched = request(Map.of("q", seed.token(), "country", "US")).get("/api/initiatives/facets").then()
                .statusCode(200).extract().jsonPath();
        assertThat(searched.getLong("total")).isEqualTo(2);
        assertThat(counts(searched, "topic")).containsOnly(Map.entry("space", 2), Map.entry("defense", 1));
        assertThat(counts(searched, "stage")).containsOnly(Map.entry("launched", 1), Map.entry("announced", 1));

        given().queryParam("org", "Agency nobody").get("/api/initiatives/facets").then().statusCode(200)
                .body("total", equalTo(0)).body("topic.size()", equalTo(0));
    }

    @Test
    void articlesCanBeSearchedAndFiltered() {
        List<String> titles = request(Map.of("q", "lunar gateway")).get("/api/articles").then().statusCode(200)
                .body("items[0].text", nullValue()).extract().jsonPath().getList("items.title");
        assertThat(titles).containsExactly("Lunar partnership " + seed.token());
        assertThat(request(Map.of("q", "tariff")).get("/api/articles").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).containsExactly("Trade talks");
        assertThat(request(Map.of("country", "FR")).get("/api/articles").then().statusCode(200).extract().jsonPath()
                .getList("items.title")).containsExactly("Trade talks");
        assertThat(request(Map.of("topic", List.of("space", "trade"))).get("/api/articles").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(2);
    }

    private static List<UUID> allPages(Map<String, Object> parameters, int limit) {
        List<UUID> seen = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> page = new java.util.HashMap<>(parameters);
            page.put("limit", String.valueOf(limit));
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath json = list(page);
            assertThat(json.getList("items")).hasSizeLessThanOrEqualTo(limit);
            json.getList("items.id", String.class).forEach(id -> seen.add(UUID.fromString(id)));
            cursor = json.getString("nextCursor");
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        return seen;
    }

    static Map<String, Integer> counts(JsonPath facets, String facet) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> values = facets.getList(facet);
        values.forEach(v -> counts.put((String) v.get("value"), ((Number) v.get("count")).intValue()));
        return counts;
    }

    private static List<UUID> ids(Map<String, Object> parameters) {
        return list(parameters).getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    private static JsonPath list(Map<String, Object> parameters) {
        return request(parameters).get("/api/initiatives").then().statusCode(200).extract().jsonPath();
    }

    /** A request restricted to this seed's entries, with the given (possibly repeated) parameters. */
    private static RequestSpecification request(Map<String, Object> parameters) {
        RequestSpecification request = given().queryParam("org", seed.org());
        parameters.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.queryParam(name, values);
            } else {
                request.queryParam(name, value);
            }
        });
        return request;
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
