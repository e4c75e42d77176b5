package dev.accord.alert.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subscription API's contract: filters, query errors, ownership, updates and bad input, all without a 500. */
@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
class SubscriptionApiTest {

    private static final String HOOK = "http://127.0.0.1:9/hook";
    private final List<JsonPath> created = new ArrayList<>();

    @AfterEach
    void deleteCreated() {
        created.forEach(c -> given().header("Authorization", "Bearer " + c.getString("token"))
                .delete("/api/subscriptions/" + c.getString("id")));
    }

    @Test
    void storesNormalisedFiltersQueryAndEventKinds() {
        JsonPath subscription = create("{\"name\":\"Indo-Pacific air defense\",\"filter\":{\"topics\":[\"Defense\"],"
                + "\"countries\":[\"jp\",\"AU\",\"JP\"],\"orgs\":[\"JAXA\"],\"keywords\":[\"\\\"air defense\\\"\",\"interceptor\"],"
                + "\"query\":\"topic:defense AND (country:JP OR country:AU) AND \\\"air defense\\\"\"},"
                + "\"events\":[\"initiative.cataloged\",\"initiative.stage-changed\"],"
                + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}");

        owner(subscription).get(path(subscription)).then().statusCode(200)
                .body("filter.topics", equalTo(List.of("defense")))
                .body("filter.countries", equalTo(List.of("JP", "AU")))
                .body("filter.orgs", equalTo(List.of("JAXA")))
                .body("filter.keywords", equalTo(List.of("air defense", "interceptor")))
                .body("filter.query", equalTo("topic:defense AND (country:JP OR country:AU) AND \"air defense\""))
                .body("events", equalTo(List.of("initiative.cataloged", "initiative.stage-changed")))
                .body("status", equalTo("active"));
    }

    @Test
    void eventKindsDefaultToNewInitiatives() {
        JsonPath subscription = create("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}");
        owner(subscription).get(path(subscription)).then().statusCode(200)
                .body("events", equalTo(List.of("initiative.cataloged"))).body("filter.query", nullValue());
    }

    @Test
    void dailyAndWeeklyDigestsTakeADeliveryTimeInATimeZone() {
        JsonPath daily = create("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"},\"digest\":\"daily\","
                + "\"digestSchedule\":{\"at\":\"08:00\",\"timeZone\":\"Europe/Berlin\"}}");
        owner(daily).get(path(daily)).then().statusCode(200)
                .body("digest", equalTo("daily"))
                .body("digestSchedule.at", equalTo("08:00"))
                .body("digestSchedule.timeZone", equalTo("Europe/Berlin"))
                .body("digestSchedule.day", nullValue());

        JsonPath weekly = create("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"},\"digest\":\"weekly\","
                + "\"digestSchedule\":{\"timeZone\":\"America/New_York\"}}");
        owner(weekly).get(path(weekly)).then().statusCode(200)
                .body("digest", equalTo("weekly"))
                .body("digestSchedule.at", equalTo("00:00"))
                .body("digestSchedule.day", equalTo("monday"));

        JsonPath plain = create("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"},\"digest\":\"weekly\"}");
        owner(plain).get(path(plain)).then().statusCode(200).body("digest", equalTo("weekly")).body("digestSchedule", nullValue());
    }

    @Test
    void aDeliveryTimeThatCannotBeKeptIsRefusedByField() {
        String hook = "{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}";
        refused("{\"channel\":" + hook + ",\"digest\":\"hourly\",\"digestSchedule\":{\"at\":\"08:00\"}}", "digestSchedule");
        refused("{\"channel\":" + hook + ",\"digestSchedule\":{\"at\":\"08:00\"}}", "digestSchedule");
        refused("{\"channel\":" + hook + ",\"digest\":\"daily\",\"digestSchedule\":{\"at\":\"8 am\"}}", "digestSchedule.at");
        refused("{\"channel\":" + hook + ",\"digest\":\"daily\",\"digestSchedule\":{\"at\":\"25:00\"}}", "digestSchedule.at");
        refused("{\"channel\":" + hook + ",\"digest\":\"daily\",\"digestSchedule\":{\"timeZone\":\"Mars/Olympus\"}}",
                "digestSchedule.timeZone");
        refused("{\"channel\":" + hook + ",\"digest\":\"daily\",\"digestSchedule\":{\"day\":\"monday\"}}", "digestSchedule.day");
        refused("{\"channel\":" + hook + ",\"digest\":\"weekly\",\"digestSchedule\":{\"day\":\"someday\"}}", "digestSchedule.day");
        refused("{\"channel\":" + hook + ",\"digest\":\"fortnightly\"}", "digest");
    }

    private static void refused(String body, String parameter) {
        given().contentType("application/json").body(body).post("/api/subscriptions").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo(parameter));
    }

    @Test
    void aQueryErrorPointsAtItsPosition() {
        post("{\"filter\":{\"query\":\"topic:defense AND (country:JX OR country:AU)\"},"
                + "\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("filter.query"))
                .body("position", equalTo(27))
                .body("detail", containsString("'JX' at position 27 is not an ISO 3166-1 alpha-2 country code"))
                .body("errors[0].field", equalTo("filter.query")).body("errors[0].position", equalTo(27));
        post("{\"filter\":{\"query\":\"space AND (moon\"},\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).body("position", equalTo(15)).body("detail", containsString("Expected ')'"));
    }

    @Test
    void everyBadFilterValueIsListed() {
        post("{\"filter\":{\"topics\":[\"defence\"],\"countries\":[\"UK\",\"J\"],\"keywords\":[\"--\"]},"
                + "\"events\":[\"initiative.deleted\"],\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid subscription"))
                .body("errors.field", containsInAnyOrder("filter.topics[0]", "filter.countries[0]", "filter.countries[1]",
                        "filter.keywords[0]", "events[0]"));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        post("{\"filter\":{\"countrys\":[\"JP\"]},\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("filter.countrys"))
                .body("detail", containsString("Unknown field 'countrys'"))
                .body("detail", containsString("countries"));
        post("{\"colour\":\"red\",\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).body("parameter", equalTo("colour"));
    }

    @Test
    void wrongJsonTypesAndMalformedBodiesAreProblems() {
        post("{\"filter\":{\"topics\":\"defense\"},\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("filter.topics"));
        post("{\"filter\":{\"topics\":[{}]},\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}")
                .then().statusCode(400).body("parameter", equalTo("filter.topics[0]"));
        post("[1,2]").then().statusCode(400).contentType("application/problem+json");
        post("{\"name\":").then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        post("{} {}").then().statusCode(400).contentType("application/problem+json");
        post("null").then().statusCode(400).contentType("application/problem+json");
        post("{}").then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("channel"));
    }

    @Test
    void badWebhookUrlsAreRefused() {
        for (String url : List.of("not a url", "ftp://example.com/x", "javascript:alert(1)", "file:///etc/passwd",
                "http:///nohost", "http://user:pw@127.0.0.1:9/x", "http://10.0.0.8/x", "http://[::1]:9/x", "")) {
            post("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + url + "\"}}")
                    .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("channel.url"));
        }
        post("{\"channel\":{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:9/" + "x".repeat(2100) + "\"}}")
                .then().statusCode(400).body("parameter", equalTo("channel.url"));
    }

    @Test
    void oversizedBodiesGet413() {
        String big = "{\"name\":\"" + "n".repeat(20_000) + "\",\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}";
        post(big).then().statusCode(413).contentType("application/problem+json").body("maxBytes", equalTo(16384));
        String huge = "{\"name\":\"" + "n".repeat(200_000) + "\"}";
        post(huge).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void onlyTheOwnerReadsOrChangesASubscription() {
        JsonPath mine = create("{\"filter\":{\"countries\":[\"JP\"]},\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}");
        JsonPath theirs = create("{\"channel\":{\"type\":\"webhook\",\"url\":\"" + HOOK + "\"}}");
        String patch = "{\"filter\":{\"countries\":[\"AU\"]}}";

        given().header("Authorization", "Bearer " + theirs.getString("token")).contentType("application/json").body(patch)
                .patch(path(mine)).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + theirs.getString("token")).get(path(mine) + "/deliveries")
                .then().statusCode(404);
        given().header("Authorization", "Bearer not-a-token").get(path(mine)).then().statusCode(404);
        given().contentType("application/json").body(patch).patch(path(mine)).then().statusCode(401);
        owner(mine).get(path(mine)).then().statusCode(200).body("filter.countries", equalTo(List.of("JP")));

        owner(mine).contentType("application/json").body(patch).patch(path(mine)).then().statusCode(200)
                .body("filter.countries", equalTo(List.of("AU")));
        owner(mine).get("/api/subscriptions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void patchChangesOnlyWhatItNamesAndValidatesLikeCreation() {
        JsonPath subscription = create("{\"name\":\"a\",\"filter\":{\"topics\":[\"space\"]},\"channel\":{\"type\":\"webhook\","
                + "\"url\":\"" + HOOK + "\"}}");
        owner(subscription).contentType("application/json").body("{\"events\":[\"article.cataloged\"]}").patch(path(subscription))
                .then().statusCode(200).body("name", equalTo("a")).body("filter.topics", equalTo(List.of("space")))
                .body("events", equalTo(List.of("article.cataloged")));
        owner(subscription).contentType("application/json").body("{\"name\":\"b\",\"channel\":{\"url\":\"http://localhost:9/new\"}}")
                .patch(path(subscription)).then().statusCode(200).body("name", equalTo("b"))
                .body("channel.url", equalTo("http://localhost:9/new")).body("filter.topics", equalTo(List.of("space")));
        owner(subscription).contentType("application/json").body("{\"filter\":{\"query\":\"NOT\"}}").patch(path(subscription))
                .then().statusCode(400).body("parameter", equalTo("filter.query")).body("position", equalTo(3));
        owner(subscription).contentType("application/json").body("{\"channel\":{\"type\":\"email\"}}").patch(path(subscription))
                .then().statusCode(400).body("parameter", equalTo("channel.type"));
        owner(subscription).contentType("application/json").body("{\"channel\":{\"url\":\"gopher://x\"}}").patch(path(subscription))
                .then().statusCode(400).body("parameter", equalTo("channel.url"));
        owner(subscription).get(path(subscription)).then().body("name", equalTo("b")).body("events", hasSize(1));
    }

    private JsonPath create(String body) {
        JsonPath subscription = post(body).then().statusCode(201).extract().jsonPath();
        created.add(subscription);
        return subscription;
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType("application/json").body(body).post("/api/subscriptions");
    }

    private static io.restassured.specification.RequestSpecification owner(JsonPath subscription) {
        return given().header("Authorization", "Bearer " + subscription.getString("token"));
    }

    private static String path(JsonPath subscription) {
        return "/api/subscriptions/" + subscription.getString("id");
    }
}
