package dev.accord.catalog.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.accord.catalog.domain.Stage;
import dev.accord.catalog.query.ListOrder;
import dev.accord.common.events.Vocabulary;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OpenApiDocumentTest {

    @Test
    void servedDocumentIsValidOpenApiWithTheContract() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Accord catalog API");
        assertThat(api.getPaths()).containsKeys("/api/initiatives", "/api/initiatives/facets", "/api/initiatives/{id}",
                "/api/articles", "/api/articles/{id}");

        Operation list = api.getPaths().get("/api/initiatives").getGet();
        assertThat(list.getSummary()).isNotBlank();
        // Reading the catalog needs no credentials, and the document says so on every operation (security: []).
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> raw =
                io.restassured.path.json.JsonPath.from(document).getMap("paths");
        raw.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("security")).as(method + " " + path).isEqualTo(java.util.List.of())));
        assertThat(list.getParameters()).extracting(Parameter::getName)
                .contains("q", "topic", "country", "org", "stage", "from", "to", "limit", "cursor", "sort", "format")
                .doesNotContain("Accept");
        assertThat(list.getParameters()).allSatisfy(p -> assertThat(p.getDescription()).as(p.getName()).isNotBlank());
        assertThat(parameter(list, "topic").getSchema().getItems().getEnum()).isEqualTo(Vocabulary.topics());
        assertThat(parameter(list, "stage").getSchema().getItems().getEnum()).isEqualTo(Vocabulary.stages());
        assertThat(parameter(list, "sort").getSchema().getEnum()).isEqualTo(ListOrder.allowed());
        assertThat(parameter(list, "format").getSchema().getEnum()).isEqualTo(ListFormat.parameters());
        assertThat(parameter(list, "q").getExample()).isNotNull();
        assertThat(list.getResponses().get("200").getContent()).containsOnlyKeys("application/json", "text/csv",
                "application/x-ndjson", "application/atom+xml");
        assertThat(list.getResponses().get("200").getContent().get("application/json").getExamples()).isNotEmpty();
        assertThat(list.getResponses()).containsKeys("400", "406");

        Operation facets = api.getPaths().get("/api/initiatives/facets").getGet();
        assertThat(facets.getParameters()).extracting(Parameter::getName)
                .contains("q", "topic", "country", "org", "stage", "from", "to").doesNotContain("cursor");
        assertThat(facets.getResponses().get("200").getContent().get("application/json").getExamples()).isNotEmpty();
        assertThat(api.getPaths().get("/api/articles").getGet().getParameters()).extracting(Parameter::getName)
                .contains("q", "topic", "limit", "cursor", "format");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void stagesOfTheDomainAreTheContractsStages() {
        assertThat(Stage.allowed()).isEqualTo(Vocabulary.stages());
    }

    private static Parameter parameter(Operation operation, String name) {
        return operation.getParameters().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
