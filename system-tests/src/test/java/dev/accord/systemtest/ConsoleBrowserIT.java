package dev.accord.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.testsupport.Fixtures;
import dev.accord.webhookreceiver.WebhookReceiver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser (headless Chromium driven by Selenium) against the packaged services: a
 * search finds the seed's initiatives, an initiative page shows its evidence, a subscription created through
 * the form receives a signed webhook, and an e-mail subscription's confirmation arrives in the dev stack's
 * mail sink. Screenshots of the pages go to {@code target/screenshots/}. Needs Debian's {@code chromium}
 * and {@code chromium-driver} (.ci/run installs them); without them the test is skipped.
 */
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static AccordSystem system;
    private static Process mailSink;
    private static int inboxPort;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        int smtpPort = freePort();
        inboxPort = freePort();
        mailSink = startMailSink(smtpPort, inboxPort);
        system = AccordSystem.start("browser", Map.of("ACCORD_SMTP_HOST", "127.0.0.1", "ACCORD_SMTP_PORT", String.valueOf(smtpPort)));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
        if (mailSink != null) {
            mailSink.destroy();
        }
    }

    @Test
    void aPersonSearchesReadsAndSubscribesInTheBrowser() throws Exception {
        String console = system.console.baseUrl();
        List<String> seedIds = post(Fixtures.seedArticle(), "https://thehill.com/browser-test/" + UUID.randomUUID());
        await("seed in the catalog").atMost(FLOW).untilAsserted(() -> assertThat(given().baseUri(system.catalog.baseUrl())
                .queryParam("limit", 200).get("/api/initiatives").then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .containsAll(seedIds));

        // Search with the keyboard: type into the labelled search box and press Enter.
        browser.get(console + "/initiatives");
        WebElement search = browser.findElement(By.id("q"));
        assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("Search");
        search.sendKeys("air defense", Keys.ENTER);
        await("search results").atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("q=air+defense"));
        WebElement result = browser.findElement(By.partialLinkText("air defense network"));
        screenshot("catalog-search");

        // Open it with the keyboard; its page shows the evidence sentence highlighted.
        result.sendKeys(Keys.ENTER);
        await("initiative page").atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("blockquote.evidence mark")).isEmpty());
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        String evidence = given().baseUri(system.catalog.baseUrl()).get("/api/initiatives/" + id).then().statusCode(200)
                .extract().jsonPath().getString("evidence.sentence");
        assertThat(browser.findElement(By.cssSelector("blockquote.evidence mark")).getText()).isEqualTo(evidence);
        screenshot("initiative");

        // A webhook subscription through the form: preview first, then create; the secret is shown once.
        WebhookReceiver receiver = system.receiver;
        browser.get(console + "/subscriptions/new");
        browser.findElement(By.id("countries")).sendKeys("JP");
        browser.findElement(By.id("url")).sendKeys(receiver.url("/browser").toString());
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        await("preview").atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("preview-heading")).isEmpty());
        assertThat(browser.findElement(By.id("preview-heading")).getText()).startsWith("Preview: ");
        assertThat(browser.findElements(By.cssSelector(".preview li"))).isNotEmpty();
        screenshot("subscription-preview");
        assertThat(browser.findElement(By.id("countries")).getAttribute("value")).isEqualTo("JP");
        browser.findElement(By.cssSelector("button[value=create]")).click();
        await("created").atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("webhook-secret")).isEmpty());
        String secret = browser.findElement(By.id("webhook-secret")).getText();
        assertThat(secret).startsWith("whsec_");
        screenshot("subscription-created");

        String later = "Japan and Chile will establish the Pacific Kelp Restoration Network " + UUID.randomUUID().toString().substring(0, 8)
                + " to replant kelp forests along both coasts, the two governments said on Monday. The network will train divers.";
        post(later, "https://news.example.org/kelp-" + UUID.randomUUID());
        await("signed webhook").atMost(FLOW).until(() -> receiver.received().stream().anyMatch(r -> r.path().equals("/browser")));
        for (WebhookReceiver.Received webhook : receiver.received()) {
            if (webhook.path().equals("/browser")) {
                webhook.verify(secret);
            }
        }

        // Managing it: its deliveries are listed with their attempts.
        browser.findElement(By.cssSelector("button[value=view]")).click();
        await("manage page").atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("Deliveries"));
        screenshot("subscription-manage");

        // An e-mail subscription: its confirmation mail arrives in the dev stack's mail sink.
        String address = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.get(console + "/subscriptions/new");
        browser.findElement(By.id("countries")).sendKeys("JP");
        browser.findElement(By.cssSelector("input[name=channel][value=email]")).click();
        browser.findElement(By.id("address")).sendKeys(address);
        browser.findElement(By.cssSelector("button[value=create]")).click();
        await("created").atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("confirmation mail"));
        HttpClient http = HttpClient.newHttpClient();
        await("confirmation mail").atMost(FLOW).until(() -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + inboxPort + "/api/messages?to=" + address)).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("/api/email/confirm/"));
        browser.get("http://127.0.0.1:" + inboxPort + "/");
        screenshot("mail-sink-inbox");
    }

    private static List<String> post(String text, String url) {
        return given().baseUri(system.ingest.baseUrl()).header("Authorization", "Bearer " + AccordSystem.API_KEY)
                .contentType("text/plain; charset=UTF-8").queryParam("url", url).body(text)
                .post("/api/articles").then().statusCode(202).extract().jsonPath().getList("initiatives.id");
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process startMailSink(int smtpPort, int httpPort) throws IOException {
        Path target = Fixtures.repositoryRoot().resolve("dev-stack/target");
        File jar;
        try (var files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("dev-stack-.*\\.jar") && !f.toString().endsWith("-tests.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("dev-stack is not packaged")).toFile();
        }
        Path log = Fixtures.repositoryRoot().resolve("system-tests/target/service-logs/mail-sink.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(ServiceProcess.javaBinary(), "-Xmx64m", "-cp",
                jar + File.pathSeparator + target.resolve("lib") + File.separator + "*", "dev.accord.devstack.MailSink",
                "--smtp-port", String.valueOf(smtpPort), "--http-port", String.valueOf(httpPort)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        await("mail sink").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return process;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
