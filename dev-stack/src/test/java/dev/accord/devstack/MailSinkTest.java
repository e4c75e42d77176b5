package dev.accord.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    private static final String UNSUBSCRIBE = "http://localhost:8083/api/email/unsubscribe?token=tok_123";

    private final HttpClient http = HttpClient.newHttpClient();
    private MailSink sink;

    @BeforeEach
    void start() throws Exception {
        sink = MailSink.start("127.0.0.1", 0, 0);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void aMailSentOverSmtpCanBeReadInTheInboxAndAsJson() throws Exception {
        send("reader@example.org", "Confirm your Accord subscription", "Confirm: http://localhost:8083/api/email/confirm?token=abc");
        send("other@example.org", "New initiative: Baltic Sentinel Drone Coalition", "Estonia and Latvia plan to create it.");

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.mails().size() == 2);
        String all = get("/api/messages");
        assertThat(all).contains("\"subject\":\"Confirm your Accord subscription\"", "Baltic Sentinel Drone Coalition");

        String mine = get("/api/messages?to=reader@example.org");
        assertThat(mine).contains("Confirm your Accord subscription").doesNotContain("Baltic Sentinel")
                .contains("\"text\":\"Confirm: http://localhost:8083/api/email/confirm?token=abc")
                .contains("\"html\":\"<p>Confirm: http://localhost:8083/api/email/confirm?token=abc</p>\"")
                .contains("\"oneClickUnsubscribe\":\"" + UNSUBSCRIBE + "\"");

        String inbox = get("/");
        assertThat(inbox).contains("Inbox (2)", "href=\"/messages/1\"", "reader@example.org");
        // Newest first.
        assertThat(inbox.indexOf("Baltic Sentinel")).isLessThan(inbox.indexOf("Confirm your Accord subscription"));

        String message = get("/messages/1");
        assertThat(message)
                .contains("<a href=\"http://localhost:8083/api/email/confirm?token=abc\">")
                .contains("<form method=\"post\" action=\"" + UNSUBSCRIBE + "\">")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
    }

    @Test
    void theInboxCanBeEmptiedAndUnknownMessagesAreNotFound() throws Exception {
        send("reader@example.org", "Hello", "Body");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.mails().size() == 1);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri("/api/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages")).isEqualTo("[]");
        assertThat(http.send(HttpRequest.newBuilder(uri("/messages/1")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void markupInAMailIsShownAsText() throws Exception {
        send("reader@example.org", "<script>alert(1)</script>", "x");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.mails().size() == 1);
        assertThat(get("/")).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("alerts@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, html));
        message.addHeader("List-Unsubscribe", "<" + UNSUBSCRIBE + ">");
        message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        Transport.send(message);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sink.httpPort() + path);
    }
}
