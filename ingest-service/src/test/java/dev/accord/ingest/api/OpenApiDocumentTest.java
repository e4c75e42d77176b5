package dev.accord.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served document names the batch endpoint by its path, and says on each operation which credentials it needs. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenApiDocumentTest {

    @Test
    void everyOperationStatesItsSecurityAndTheBatchPathIsLiteral() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");

        assertThat(paths).containsKey("/api/articles:batch").doesNotContainKey("/api/{operation}");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation).as(method + " " + path).containsKey("security")));
        // Writes and feeds need the API key; nothing here is open.
        assertThat((List<?>) paths.get("/api/articles").get("post").get("security")).isNotEmpty();
        assertThat((List<?>) paths.get("/api/feeds").get("get").get("security")).isNotEmpty();
    }
}
