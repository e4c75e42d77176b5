package dev.accord.catalog.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.CatalogSeed;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.badinput.BadInputDrill;
import dev.accord.testsupport.badinput.Endpoint;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Drill 8 on the catalog: every endpoint gets the shared bad-input corpus and generated requests;
 * none may answer 5xx or anything but problem+json for an error, and the service stays ready.
 */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class BadInputDrillTest {

    private static final int GENERATED_PER_ENDPOINT = 150;
    private static final String[] LIST_PARAMS = {"q", "topic", "country", "org", "stage", "from", "to", "limit", "cursor",
        "sort", "format"};

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointSurvivesTheBadInputCorpus() {
        UUID initiative;
        UUID article;
        try (CatalogSeed seed = new CatalogSeed()) {
            initiative = seed.initiative("bad input drill", "A drill entry.", "The drill entry was announced today.",
                    List.of("US"), List.of("space"), "announced");
            article = seed.article("bad input drill article", "An article for the drill.", List.of("space"), List.of("US"));
            seed.awaitCataloged();
        }
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/api/initiatives", LIST_PARAMS),
                Endpoint.get("/api/initiatives/facets", LIST_PARAMS),
                Endpoint.get("/api/initiatives/{id}").withValidId(initiative.toString()),
                Endpoint.get("/api/articles", LIST_PARAMS),
                Endpoint.get("/api/articles/{id}").withValidId(article.toString()));

        BadInputDrill.Report report = BadInputDrill.run(base.getHost(), base.getPort(), endpoints, GENERATED_PER_ENDPOINT);

        report.assertClean();
        assertThat(report.requests()).isGreaterThan(endpoints.size() * GENERATED_PER_ENDPOINT);
        assertThat(report.byStatus()).containsKey(200).containsKey(400).containsKey(404);
        BadInputDrill.assertReady(base.getHost(), base.getPort());
    }
}
