package dev.accord.alert.mail;

import static dev.accord.alert.Catalog.bearer;
import static dev.accord.alert.Catalog.initiative;
import static dev.accord.alert.Catalog.publish;
import static dev.accord.alert.Catalog.subscribe;
import static dev.accord.alert.Catalog.uniqueKeyword;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.icegreen.greenmail.util.GreenMail;
import dev.accord.alert.mail.GreenMailResource.InjectGreenMail;
import dev.accord.common.events.CatalogInitiative;
import dev.accord.testsupport.AccordTestResource;
import dev.accord.testsupport.CloudEventProducer;
import dev.accord.testsupport.TestKafka;
import dev.accord.webhookreceiver.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AccordTestResource.class, initArgs = @ResourceArg(name = "database", value = "alert"))
@WithTestResource(GreenMailResource.class)
class EmailChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("http://localhost:8083(/api/email/(confirm|unsubscribe)/[A-Za-z0-9_-]+)");

    @InjectGreenMail
    GreenMail smtp;

    private WebhookReceiver witness;
    private CloudEventProducer producer;

    @BeforeEach
    void start() {
        witness = WebhookReceiver.start();
        producer = new CloudEventProducer(TestKafka.bootstrapServers());
    }

    @AfterEach
    void stop() {
        witness.close();
        producer.close();
    }

    @Test
    void doubleOptInThenTemplatedAlertsThenOneClickUnsubscribe() throws Exception {
        String topic = uniqueKeyword();
        String address = "ada-" + topic + "@example.org";
        JsonPath subscription = subscribe(topic, "{\"type\":\"email\",\"address\":\"" + address + "\"}", null);
        assertThat(subscription.getMap("")).doesNotContainKey("secret");
        String self = "/api/subscriptions/" + subscription.getString("id");
        // A webhook subscription on the same topic shows when an event has been matched.
        subscribe(topic, "{\"type\":\"webhook\",\"url\":\"" + witness.url("/witness") + "\"}", null);

        await().atMost(WAIT).until(() -> mailsTo(address).size() == 1);
        MimeMessage confirmation = mailsTo(address).get(0);
        assertThat(confirmation.getSubject()).contains("Confirm");
        String confirmPath = link(parts(confirmation).get("text/plain"), "confirm");
        assertThat(parts(confirmation).get("text/html")).contains(confirmPath);

        // Nothing is sent before the address confirms.
        publish(producer, initiative(topic, "Joint air defense office"));
        await().atMost(WAIT).until(() -> witness.received().size() == 1);
        given().header("Authorization", bearer(subscription)).get(self).then().statusCode(200)
                .body("status", equalTo("unconfirmed")).body("channel.type", equalTo("email"))
                .body("channel.address", equalTo(address));
        given().header("Authorization", bearer(subscription)).get(self + "/deliveries").then()
                .body("", hasSize(1)).body("[0].eventType", equalTo(EmailSubscriptions.CONFIRMATION));
        assertThat(mailsTo(address)).hasSize(1);

        // Following the link (as a scanner would) only shows the button.
        given().get(confirmPath).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"" + confirmPath + "\">"));
        given().header("Authorization", bearer(subscription)).get(self).then().body("status", equalTo("unconfirmed"));
        given().post(confirmPath).then().statusCode(200).body(containsString("confirmed"));
        given().header("Authorization", bearer(subscription)).get(self).then().body("status", equalTo("active"));

        CatalogInitiative alert = initiative(topic, "Quad maritime <domain> awareness");
        publish(producer, alert);
        await().atMost(WAIT).until(() -> mailsTo(address).size() == 2);
        MimeMessage mail = mailsTo(address).get(1);
        assertThat(mail.getSubject()).isEqualTo("[Accord] " + alert.title());
        assertThat(alert.title()).contains("<domain>");
        Map<String, String> bodies = parts(mail);
        assertThat(bodies).containsKeys("text/plain", "text/html");
        assertThat(bodies.get("text/plain")).contains(alert.title(), alert.summary(), "Countries: JP, AU",
                "Organisations: Quad Secretariat", "Stage: announced", alert.evidence().sentence(), alert.catalogUrl());
        assertThat(bodies.get("text/html")).contains("Quad maritime &lt;domain&gt; awareness " + topic,
                "<a href=\"" + alert.catalogUrl() + "\">", alert.evidence().sentence(), "announced");
        String unsubscribePath = link(bodies.get("text/plain"), "unsubscribe");
        String token = unsubscribePath.substring(unsubscribePath.lastIndexOf('/') + 1);
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<http://localhost:8083" + unsubscribePath
                + ">, <mailto:unsubscribe@accord.test?subject=unsubscribe%20" + token + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // RFC 8058: the mail client POSTs the form body to the HTTPS link, with no cookies or confirmation.
        given().get(unsubscribePath).then().statusCode(200).body(containsString("<form method=\"post\""));
        given().header("Authorization", bearer(subscription)).get(self).then().body("status", equalTo("active"));
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(unsubscribePath)
                .then().statusCode(200).body(containsString("Unsubscribed"));
        given().header("Authorization", bearer(subscription)).get(self).then().body("status", equalTo("unsubscribed"));

        publish(producer, initiative(topic, "A third initiative"));
        await().atMost(WAIT).until(() -> witness.received().size() == 3);
        given().header("Authorization", bearer(subscription)).get(self + "/deliveries").then().body("", hasSize(2));
        assertThat(mailsTo(address)).hasSize(2);
        // Confirming again cannot revive an unsubscribed address.
        given().post(confirmPath).then().statusCode(200).body(containsString("Unsubscribed"));
        given().header("Authorization", bearer(subscription)).get(self).then().body("status", equalTo("unsubscribed"));
    }

    @Test
    void digestMailGathersAWindow() throws Exception {
        String topic = uniqueKeyword();
        String address = "digest-" + topic + "@example.org";
        JsonPath subscription = subscribe(topic, "{\"type\":\"email\",\"address\":\"" + address + "\"}", "daily");
        await().atMost(WAIT).until(() -> mailsTo(address).size() == 1);
        given().post(link(parts(mailsTo(address).get(0)).get("text/plain"), "confirm")).then().statusCode(200);

        List<String> titles = List.of("First digest initiative", "Second digest initiative");
        titles.forEach(title -> publish(producer, initiative(topic, title)));
        await().atMost(WAIT).until(() -> titles.stream().allMatch(t -> count(digestTexts(address), t) == 1));
        List<String> texts = digestTexts(address);
        titles.forEach(t -> assertThat(count(texts, t)).isEqualTo(1));
        // Both came within a few milliseconds, so they fall into one window, or at most two.
        assertThat(texts).hasSizeLessThanOrEqualTo(2);
        MimeMessage digest = mailsTo(address).get(1);
        assertThat(digest.getSubject()).startsWith("[Accord] daily digest: ");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        given().header("Authorization", bearer(subscription)).get("/api/subscriptions/" + subscription.getString("id"))
                .then().body("digest", equalTo("daily"));
    }

    @Test
    void badAddressesDigestsAndLinksAreRefused() {
        for (String address : List.of("not-an-address", "a@b", "ada@example.org\\r\\nBcc: eve@example.org", "Ada <ada@example.org>")) {
            given().contentType("application/json").body("{\"channel\":{\"type\":\"email\",\"address\":\"" + address + "\"}}")
                    .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("channel.address"));
        }
        given().contentType("application/json").body("{\"channel\":{\"type\":\"email\"}}").post("/api/subscriptions")
                .then().statusCode(400).body("parameter", equalTo("channel.address"));
        given().contentType("application/json").body("{\"channel\":{\"type\":\"email\",\"address\":\"a@example.org\"},"
                + "\"digest\":\"fortnightly\"}").post("/api/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("digest"));
        given().contentType("application/json").body("{\"channel\":{\"type\":\"sse\"},\"digest\":\"hourly\"}")
                .post("/api/subscriptions").then().statusCode(400).body("parameter", equalTo("digest"));
        given().get("/api/email/confirm/no-such-token").then().statusCode(404).contentType(containsString("text/html"));
        given().post("/api/email/confirm/no-such-token").then().statusCode(404);
        given().post("/api/email/unsubscribe/no-such-token").then().statusCode(404);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text bodies of the mails after the confirmation. */
    private List<String> digestTexts(String address) {
        List<MimeMessage> mails = mailsTo(address);
        List<String> texts = new java.util.ArrayList<>();
        try {
            for (MimeMessage mail : mails.subList(Math.min(1, mails.size()), mails.size())) {
                texts.add(parts(mail).get("text/plain"));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    private static long count(List<String> texts, String needle) {
        return texts.stream().mapToLong(t -> t.split(Pattern.quote(needle), -1).length - 1).sum();
    }

    /** The path of the first link of this kind in a body. */
    private static String link(String body, String kind) {
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                return URI.create(matcher.group(1)).getPath();
            }
        }
        throw new AssertionError("No " + kind + " link in " + body);
    }

    /** The text parts of a mail by content type. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.putAll(parts(multipart.getBodyPart(i)));
            }
        } else if (part.isMimeType("text/plain")) {
            found.put("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            found.put("text/html", part.getContent().toString());
        }
        return found;
    }
}
