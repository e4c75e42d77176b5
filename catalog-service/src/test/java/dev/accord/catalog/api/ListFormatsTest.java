package dev.accord.catalog.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.catalog.CatalogSeed;
import dev.accord.testsupport.AccordTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
// Query tests seed look-alike rows on purpose (pages of near-identical entries); the merge rule would
// fold them into one entry, so these classes run with merging off, on a database of their own.
@WithTestResource(value = AccordTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog-queries"),
        @ResourceArg(name = "config:accord.catalog.merge.threshold", value = "2") })
class ListFormatsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    /** Has every character CSV must quote, and a control character XML cannot carry. */
    private static final String AWKWARD = "Says \"yes, now\"\nand\u0001 later";

    private static CatalogSeed seed;
    private static UUID awkward;

    @BeforeEach
    void seedOnce() {
        if (seed != null) {
            return;
        }
        seed = new CatalogSeed();
        for (int i = 0; i < 2; i++) {
            seed.initiative("satellite data sharing " + i, "Two agencies share satellite data, round " + i + ".",
                    "The agencies will share satellite data in round " + i + ".", List.of("US", "IN"),
                    List.of("space", "technology"), "announced");
        }
        awkward = seed.initiative("awkward, \"quoted\" title", AWKWARD, "An evidence sentence, with a comma.",
                List.of("US"), List.of("space"), "launched");
        seed.article("Satellites & <data>", "Agencies share satellite data.", List.of("space"), List.of("US"));
    }

    @Test
    void csvFollowsRfc4180AndPagesThroughTheLinkHeader() {
        Response first = given().accept("text/csv").queryParam("org", seed.org()).queryParam("limit", 2)
                .get("/api/initiatives");
        first.then().statusCode(200).contentType(startsWith("text/csv")).header("Vary", "Accept");
        List<List<String>> rows = parseCsv(first.asString());
        assertThat(rows.get(0)).containsExactly("id", "title", "summary", "stage", "topics", "countries",
                "organisations", "confidence", "firstSeenAt", "updatedAt", "evidence", "url");
        assertThat(rows).hasSize(3);
        // Newest first: the awkward entry was published last.
        assertThat(rows.get(1).get(0)).isEqualTo(awkward.toString());
        assertThat(rows.get(1).get(1)).isEqualTo("awkward, \"quoted\" title");
        assertThat(rows.get(1).get(2)).isEqualTo(AWKWARD);
        assertThat(rows.get(1).get(5)).isEqualTo("US");
        assertThat(rows.get(1).get(6)).isEqualTo("NASA;" + seed.org());
        assertThat(rows.get(1).get(11)).endsWith("/api/initiatives/" + awkward);
        assertThat(first.asString()).contains("\"awkward, \"\"quoted\"\" title\"").contains("\r\n");

        String next = nextLink(first);
        assertThat(next).contains("cursor=").contains("format=csv").contains("org=Agency%20" + seed.token());
        Response second = given().urlEncodingEnabled(false).get(pathOf(next));
        second.then().statusCode(200).contentType(startsWith("text/csv"));
        List<List<String>> rest = parseCsv(second.asString());
        assertThat(rest).hasSize(2);
        assertThat(rest.get(1).get(4)).isEqualTo("space;technology");
        assertThat(second.getHeader("Link")).isNull();
    }

    @Test
    void ndjsonHasOneItemPerLine() throws Exception {
        Response first = given().accept("application/x-ndjson").queryParam("org", seed.org()).queryParam("limit", 2)
                .get("/api/initiatives");
        first.then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        String[] lines = first.asString().split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        ObjectMapper json = new ObjectMapper();
        JsonNode item = json.readTree(lines[0]);
        assertThat(item.get("id").asText()).isEqualTo(awkward.toString());
        assertThat(item.get("summary").asText()).isEqualTo(AWKWARD);
        assertThat(json.readTree(lines[1]).get("stage").asText()).isEqualTo("announced");
        String next = nextLink(first);
        assertThat(given().urlEncodingEnabled(false).accept("application/x-ndjson").get(pathOf(next)).asString().split("\n")).hasSize(1);

        given().accept("application/ndjson").queryParam("org", seed.org()).get("/api/articles").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"));
    }

    @Test
    void atomFeedIsWellFormedAndReadersCanFollowItsPages() throws Exception {
        Response first = given().accept("application/atom+xml").queryParam("org", seed.org()).queryParam("q", "satellite")
                .queryParam("limit", 1).get("/api/initiatives");
        first.then().statusCode(200).contentType(startsWith("application/atom+xml"));
        Element feed = parseXml(first.asString()).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        String id = child(feed, "id").getTextContent();
        assertThat(URI.create(id).isAbsolute()).isTrue();
        assertThat(id).contains("format=atom").doesNotContain("cursor=");
        assertThat(child(feed, "title").getTextContent()).contains("q: satellite").contains("org: " + seed.org());
        OffsetDateTime.parse(child(feed, "updated").getTextContent());
        assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
        assertThat(link(feed, "self")).isEqualTo(id);
        String next = link(feed, "next");
        assertThat(next).contains("cursor=").contains("format=atom");
        assertThat(nextLink(first)).isEqualTo(next);

        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(1);
        Element entry = (Element) entries.item(0);
        assertThat(child(entry, "id").getTextContent()).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(child(entry, "title").getTextContent()).startsWith("satellite data sharing");
        OffsetDateTime.parse(child(entry, "updated").getTextContent());
        assertThat(link(entry, "alternate")).endsWith("/api/initiatives/"
                + child(entry, "id").getTextContent().substring("urn:uuid:".length()));
        given().urlEncodingEnabled(false).get(pathOf(link(entry, "alternate"))).then().statusCode(200);

        // A reader follows next without any Accept header: the link itself asks for Atom.
        Response second = given().urlEncodingEnabled(false).get(pathOf(next));
        second.then().statusCode(200).contentType(startsWith("application/atom+xml"));
        Element secondFeed = parseXml(second.asString()).getDocumentElement();
        assertThat(child(secondFeed, "id").getTextContent()).isEqualTo(id);
        assertThat(link(secondFeed, "self")).isEqualTo(next);
        assertThat(child((Element) secondFeed.getElementsByTagNameNS(ATOM, "entry").item(0), "id").getTextContent())
                .isNotEqualTo(child(entry, "id").getTextContent());

        // Text XML cannot carry is dropped; markup characters are escaped.
        Element awkwardFeed = parseXml(given().queryParam("format", "atom").queryParam("org", seed.org())
                .queryParam("stage", "launched").get("/api/initiatives").asString()).getDocumentElement();
        Element awkwardEntry = (Element) awkwardFeed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(child(awkwardEntry, "summary").getTextContent()).isEqualTo(AWKWARD.replace("\u0001", ""));
        Element articles = parseXml(given().accept("application/atom+xml").queryParam("org", seed.org())
                .get("/api/articles").asString()).getDocumentElement();
        Element article = (Element) articles.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(child(article, "title").getTextContent()).isEqualTo("Satellites & <data>");
        assertThat(link(article, "related")).startsWith("https://news.example.org/");
    }

    @Test
    void acceptIsNegotiatedWithQualitiesAndFormatWins() {
        given().accept("text/csv;q=0.5, application/x-ndjson").queryParam("org", seed.org()).get("/api/initiatives")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        given().accept("*/*").queryParam("org", seed.org()).get("/api/initiatives").then().statusCode(200)
                .contentType(startsWith("application/json")).body("items.size()", equalTo(3));
        given().accept("text/*").queryParam("org", seed.org()).get("/api/initiatives").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().accept("application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.8")
                .queryParam("org", seed.org()).get("/api/initiatives").then().statusCode(200)
                .contentType(startsWith("application/atom+xml"));
        given().accept("application/xml").queryParam("format", "csv").queryParam("org", seed.org())
                .get("/api/initiatives").then().statusCode(200).contentType(startsWith("text/csv"));
        for (String accept : new String[] {"application/xml", "text/html", "application/json;q=0", "nonsense"}) {
            given().accept(accept).get("/api/initiatives").then().statusCode(406)
                    .contentType("application/problem+json").body("status", equalTo(406))
                    .body("allowed", equalTo(List.of("application/json", "text/csv", "application/x-ndjson",
                            "application/atom+xml")));
        }
        given().accept("application/xml").get("/api/articles").then().statusCode(406)
                .contentType("application/problem+json");
        given().queryParam("format", "xml").get("/api/initiatives").then().statusCode(400)
                .body("parameter", equalTo("format")).body("allowed", equalTo(List.of("json", "csv", "ndjson", "atom")));
    }

    private static String nextLink(Response response) {
        String header = response.getHeader("Link");
        assertThat(header).isNotNull();
        Matcher matcher = NEXT.matcher(header);
        assertThat(matcher.matches()).as(header).isTrue();
        return matcher.group(1);
    }

    /** Links are absolute on the public URL; the test server listens elsewhere, so keep path and query. */
    private static String pathOf(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).isTrue();
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("No atom:" + name + " in " + parent.getLocalName());
    }

    private static String link(Element parent, String rel) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && "link".equals(e.getLocalName()) && rel.equals(e.getAttribute("rel"))) {
                return e.getAttribute("href");
            }
        }
        throw new AssertionError("No link rel=" + rel);
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes; records end with CRLF. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = csv.charAt(i);
                    if (q == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare quote or line feed outside quotes").isNotIn('"', '\n');
                field.append(c);
                i++;
            }
        }
        assertThat(record).as("last record ends with CRLF").isEmpty();
        return records;
    }
}
