package dev.accord.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console on its own: its forms are usable with labels alone, and a service it cannot reach is a page that says so.
 * (ThinPathIT drives it against running catalog and alert services.)
 */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern INPUT_ID = Pattern.compile("<(?:input|select)[^>]*\\sid=\"([^\"]+)\"");
    private static final Pattern LABEL_FOR = Pattern.compile("<label[^>]*\\sfor=\"([^\"]+)\"");

    @Test
    void theConsoleOpensOnTheCatalog() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/initiatives"));
    }

    @Test
    void everyFieldOfTheSubscriptionFormHasALabel() {
        String form = given().get("/subscriptions/new").then().statusCode(200).contentType("text/html").extract().asString();
        Set<String> ids = all(INPUT_ID, form);
        assertThat(ids).contains("name", "topics", "countries", "orgs", "keywords", "query", "url", "address", "digest");
        assertThat(all(LABEL_FOR, form)).containsAll(ids);
        assertThat(form).contains("name=\"action\" value=\"preview\"", "name=\"action\" value=\"create\"");
    }

    @Test
    void aCatalogThatCannotBeReachedIsAnErrorPageWithItsStatus() {
        given().get("/initiatives").then().statusCode(503).contentType("text/html")
                .body(containsString("role=\"alert\""), containsString("cannot be reached"));
        given().get("/initiatives/not-an-id").then().statusCode(404);
    }

    @Test
    void aPreviewWithoutTheAlertServiceKeepsWhatWasTyped() {
        given().contentType("application/x-www-form-urlencoded").formParam("countries", "JP").formParam("keywords", "air defense")
                .formParam("action", "preview").post("/subscriptions/new")
                .then().statusCode(503).body(containsString("cannot be reached"), containsString("value=\"air defense\""),
                        containsString("value=\"JP\""));
    }

    private static Set<String> all(Pattern pattern, String html) {
        Set<String> found = new HashSet<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
