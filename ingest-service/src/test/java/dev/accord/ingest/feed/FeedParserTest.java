package dev.accord.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedParserTest {

    private static final List<String> FIXTURES = FeedFixtures.ALL;
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyFixtureParsesIntoEntriesWithTitleAndIdentity(String fixture) throws Exception {
        ParsedFeed feed = parse(fixture, null);
        assertThat(feed.title()).isNotBlank();
        assertThat(feed.items()).isNotEmpty();
        for (FeedItem item : feed.items()) {
            assertThat(item.title()).isNotBlank();
            assertThat(item.link()).startsWith("http");
            assertThat(item.key()).isNotBlank();
        }
        // Keys identify entries within a feed: no two entries of one document share one.
        assertThat(feed.items().stream().map(FeedItem::key).distinct().count()).isEqualTo(feed.items().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss-parser-guardian", "rss-parser-heise", "rss-parser-rss-1", "rss-parser-uolNoticias"})
    void itemsTitlesAndLinksMatchTheReferenceParser(String name) throws Exception {
        String fixture = name + (name.endsWith("heise") ? ".atom" : ".rss");
        // uolNoticias is ISO-8859-1 without a declaration; served with its charset, as a web server would.
        ParsedFeed feed = parse(fixture, name.endsWith("uolNoticias") ? "application/rss+xml; charset=ISO-8859-1" : null);
        JsonNode expected = expected(name).get("feed");
        JsonNode items = expected.get("items");
        assertThat(feed.items()).hasSize(items.size());
        assertThat(feed.title()).matches(loosely(expected.get("title").asText()));
        for (int i = 0; i < items.size(); i++) {
            FeedItem item = feed.items().get(i);
            assertThat(item.title()).as("title of item %d", i).matches(loosely(items.get(i).get("title").asText()));
            assertThat(item.link()).as("link of item %d", i).isEqualTo(items.get(i).get("link").asText().strip());
            if (items.get(i).has("isoDate")) {
                assertThat(item.publishedAt()).as("date of item %d", i).isEqualTo(Instant.parse(items.get(i).get("isoDate").asText()));
            }
        }
    }

    @Test
    void iso88591WithoutDeclarationIsDecodedFromTheHttpCharset() throws Exception {
        ParsedFeed feed = parse("rss-parser-uolNoticias.rss", "text/xml; charset=ISO-8859-1");
        assertThat(feed.items().get(0).title())
                .isEqualTo("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
        assertThat(feed.items().get(1).title()).contains("inquérito");
    }

    @Test
    void iso88591WithoutAnyLabelIsSniffedAsNotUtf8() throws Exception {
        for (String contentType : new String[] {null, "application/rss+xml", "text/xml; charset=utf-8"}) {
            ParsedFeed feed = parse("rss-parser-uolNoticias.rss", contentType);
            assertThat(feed.items().get(0).title()).as("with Content-Type %s", contentType)
                    .isEqualTo("Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
        }
    }

    @Test
    void windows1251IsReadFromTheXmlDeclaration() throws Exception {
        ParsedFeed feed = parse("miniflux-encoding_WINDOWS-1251.xml", "application/xml");
        assertThat(feed.title()).isEqualTo("iBash.Org.Ru");
        assertThat(feed.items()).hasSize(50);
        assertThat(feed.items().get(0).title()).isEqualTo("Цитата #17703");
        assertThat(feed.items().get(0).key()).isEqualTo("guid:http://ibash.org.ru/quote.php?id=17703");
        assertThat(feed.items().get(0).summary()).contains("кот немного пхп знает?");
    }

    @Test
    void blankLineBeforeTheXmlDeclarationIsTolerated() throws Exception {
        byte[] body = FeedFixtures.bytes("feedjira-TechCrunch.xml");
        assertThat(body[0]).isEqualTo((byte) '\n');
        ParsedFeed feed = parser.parse(body, "text/xml", null);
        assertThat(feed.format()).isEqualTo(ParsedFeed.Format.RSS);
        assertThat(feed.title()).isEqualTo("TechCrunch");
        assertThat(feed.items()).hasSize(20);
        // Full articles in content:encoded; links are the publisher's, not FeedBurner's redirects.
        assertThat(feed.items()).allSatisfy(item -> {
            assertThat(item.content()).hasSizeGreaterThan(1000);
            assertThat(item.link()).startsWith("http://techcrunch.com/");
        });
    }

    @Test
    void atomWrappedInXhtmlIsFoundInsideIt() throws Exception {
        ParsedFeed feed = parse("feedjira-DuplicateContentAtomFeed.xml", "text/html; charset=utf-8");
        assertThat(feed.format()).isEqualTo(ParsedFeed.Format.ATOM);
        assertThat(feed.title()).isEqualTo("Avian’s Blog");
        assertThat(feed.items()).hasSize(10);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Down time");
        assertThat(first.link()).isEqualTo("http://www.tablix.org/~avian/blog/archives/2014/07/down_time/");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2014-07-21T19:14:39Z"));
        assertThat(first.summary()).contains("Two switches in two cities");
        // xhtml content is kept as markup, without its wrapping div
        assertThat(first.content()).contains("<p>You might have noticed").doesNotContain("<div");
    }

    @Test
    void googleAlertsRedirectLinksAreUnwrapped() throws Exception {
        ParsedFeed feed = parse("feedjira-google_alerts_atom.xml", null);
        assertThat(feed.title()).isEqualTo("Google Alert - Slack");
        assertThat(feed.items()).hasSize(20);
        FeedItem first = feed.items().get(0);
        assertThat(first.link()).isEqualTo("https://www.aglobalmarketresearch.com/report-offers-prediction-of-automotive-slack-market"
                + "-by-top-key-players-like-haldex-meritor-bendix-mei-wabco-accuride-stemco-tbk-febi-aydinsan/");
        assertThat(first.title()).isEqualTo("Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...");
        assertThat(first.key()).isEqualTo("guid:tag:google.com,2013:googlealerts/feed:8974135267215335962");
        assertThat(feed.items()).allSatisfy(item -> assertThat(item.link()).doesNotStartWith("https://www.google.com/url"));
    }

    @Test
    void rss10RdfEntriesAreIdentifiedByTheirRdfAbout() throws Exception {
        ParsedFeed feed = parse("rss-parser-rss-1.rss", null);
        assertThat(feed.format()).isEqualTo(ParsedFeed.Format.RDF);
        assertThat(feed.title()).isEqualTo("Science twis");
        assertThat(feed.items()).hasSize(69);
        assertThat(feed.items().get(0).key()).isEqualTo("guid:http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1");
    }

    @Test
    void contentEncodedAndDescriptionAreKeptApart() throws Exception {
        ParsedFeed feed = parse("rn-rss-parser-news-gov-scot.rss", null);
        FeedItem first = feed.items().get(0);
        assertThat(first.content()).isEqualTo("<p>We don't need a referendum to leave the EU, we can just leave.</p>");
        assertThat(first.summary()).startsWith("First Minister Nicola Sturgeon today gave a statement");
        assertThat(first.key()).isEqualTo("guid:f5efd7f6-e9e4-4e70-a47c-e8dec8cb0400");
        assertThat(feed.items().get(1).content()).isNull();
    }

    @Test
    void rss091WithNetscapesDoctypeIsReadWithoutLoadingTheDtd() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
                + "<rss version=\"0.91\"><channel><title>Minist\u00e8re</title><link>https://example.org/</link>"
                + "<item><title>Accord sign&eacute;</title><link>https://example.org/accord</link>"
                + "<description>Les deux pays ont sign&eacute; un accord.</description></item></channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.ISO_8859_1), null, null);
        assertThat(feed.format()).isEqualTo(ParsedFeed.Format.RSS);
        assertThat(feed.title()).isEqualTo("Ministère");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Accord signé");
            assertThat(item.key()).isEqualTo("link:https://example.org/accord");
        });
    }

    @Test
    void atom03IsRead() throws Exception {
        String atom = "<feed version='0.3' xmlns='http://purl.org/atom/ns#'><title>Old</title>"
                + "<entry><id>tag:example.org,2005:1</id><title>First</title>"
                + "<link rel='alternate' type='text/html' href='https://example.org/1'/>"
                + "<issued>2005-07-31T12:29:29Z</issued><summary>Short.</summary></entry></feed>";
        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.format()).isEqualTo(ParsedFeed.Format.ATOM);
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.link()).isEqualTo("https://example.org/1");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2005-07-31T12:29:29Z"));
            assertThat(item.summary()).isEqualTo("<p>Short.</p>");
        });
    }

    @Test
    void entriesWithoutGuidAreIdentifiedByLinkThenByContent() throws Exception {
        String rss = "<rss version='2.0'><channel><title>t</title>"
                + "<item><title>A</title><link>https://example.org/a?utm_source=feed</link></item>"
                + "<item><title>B</title><description>no link at all</description></item></channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.items().get(0).key()).isEqualTo("link:https://example.org/a");
        assertThat(feed.items().get(1).key()).startsWith("hash:").hasSize(5 + 64);
    }

    @Test
    void relativeLinksResolveAgainstTheFeedUrl() throws Exception {
        String atom = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
                + "<entry><id>1</id><title>A</title><link href='/news/a'/></entry></feed>";
        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, URI.create("https://example.org/feeds/all.atom"));
        assertThat(feed.items().get(0).link()).isEqualTo("https://example.org/news/a");
    }

    @Test
    void htmlEntitiesAndBareAmpersandsDoNotMakeAFeedUnreadable() throws Exception {
        String rss = "<rss version='2.0'><channel><title>AT&T news</title>"
                + "<item><title>Caf&eacute; &amp; bar&nbsp;deal</title><link>https://example.org/a</link>"
                + "<description><![CDATA[literal &nbsp; stays]]></description></item></channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.title()).isEqualTo("AT&T news");
        assertThat(feed.items().get(0).title()).isEqualTo("Café & bar\u00a0deal");
        assertThat(feed.items().get(0).summary()).isEqualTo("literal &nbsp; stays");
    }

    @Test
    void datesInTheFormsFeedsUseAreRead() {
        assertThat(FeedDates.parse("Tue, 30 Jan 2018 17:54:13 -0500")).contains(Instant.parse("2018-01-30T22:54:13Z"));
        assertThat(FeedDates.parse("Wed, 31 Jan 2018 20:15:15 GMT")).contains(Instant.parse("2018-01-31T20:15:15Z"));
        assertThat(FeedDates.parse("Mon, 30 Jan 2018 17:54 EST")).contains(Instant.parse("2018-01-30T22:54:00Z"));
        assertThat(FeedDates.parse("30 Jan 18 17:54:13 +0000")).contains(Instant.parse("2018-01-30T17:54:13Z"));
        assertThat(FeedDates.parse("2014-07-21T21:14:39+02:00")).contains(Instant.parse("2014-07-21T19:14:39Z"));
        assertThat(FeedDates.parse("2018-01-31")).contains(Instant.parse("2018-01-31T00:00:00Z"));
        assertThat(FeedDates.parse("Seg, 24 Set 2018 19:42:40 -0300")).isEmpty();
        assertThat(FeedDates.parse("yesterday")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "just some words", "{\"items\": []}", "<html><body><p>A page<br></body></html>",
            "<html><body><p>A well-formed page, not a feed.</p></body></html>", "\u0000\u0001\u0002binary"})
    void documentsThatAreNotFeedsAreParseErrors(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), "text/html", null))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("feed");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        String rss = "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<rss version='2.0'><channel><title>t&x;</title><item><title>A</title><link>https://example.org/a</link></item>"
                + "</channel></rss>";
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(feed.title()).isEqualTo("t");
    }

    @Test
    void entityExpansionBombsAreRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a0 'lol'>");
        for (int i = 1; i <= 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        bomb.append("]><rss version='2.0'><channel><title>&a10;</title></channel></rss>");
        assertThatThrownBy(() -> parser.parse(bomb.toString().getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOf(FeedParseException.class);
    }

    private ParsedFeed parse(String fixture, String contentType) throws FeedParseException {
        return parser.parse(FeedFixtures.bytes(fixture), contentType, URI.create("https://feeds.example.org/" + fixture));
    }

    private static JsonNode expected(String name) throws IOException {
        return new ObjectMapper().readTree(FeedFixtures.bytes(name + ".expected.json"));
    }

    /**
     * The reference parser read uolNoticias as UTF-8 and wrote U+FFFD for every Latin-1 letter; such a
     * character stands for any one character here. Whitespace runs compare as one space.
     */
    private static String loosely(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.strip().replaceAll("\\s+", " ").split("\uFFFD", -1)) {
            regex.append(Pattern.quote(part)).append('.');
        }
        return regex.substring(0, regex.length() - 1);
    }
}
