package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What pages say about themselves: title, byline, publication time, canonical URL, language, site name. */
class PageMetadataTest {

    private static PageMetadata read(String html) {
        return PageMetadata.read(Jsoup.parse(html, "https://news.example.org/world/story-1?ref=home"));
    }

    @Test
    void metaTagsAreRead() {
        PageMetadata page = read("""
                <html lang="en-gb"><head>
                <title>Ministers agree space pact - Example News</title>
                <meta property="og:title" content="Ministers agree space pact">
                <meta property="og:site_name" content="Example News">
                <meta name="author" content="By Jane Doe">
                <meta property="article:published_time" content="2024-04-10T09:30:00+09:00">
                <link rel="canonical" href="https://news.example.org/world/space-pact">
                </head><body><h1>Ministers agree space pact</h1><p>Text.</p></body></html>""");

        assertThat(page.title()).isEqualTo("Ministers agree space pact");
        assertThat(page.siteName()).isEqualTo("Example News");
        assertThat(page.byline()).isEqualTo("Jane Doe");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-04-10T00:30:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("https://news.example.org/world/space-pact");
        assertThat(page.language()).isEqualTo("en-GB");
    }

    @Test
    void jsonLdIsReadWhereMetaTagsAreSilent() {
        PageMetadata page = read("""
                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Example"},
                  {"@type": "NewsArticle", "headline": "Council launched",
                   "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Park"}],
                   "datePublished": "2019-11-20T11:19:29+0000", "inLanguage": "ja-JP",
                   "publisher": {"@type": "Organization", "name": "Example Daily"},
                   "mainEntityOfPage": {"@id": "https://daily.example.com/council"}}]}
                </script></head><body><p>Text.</p></body></html>""");

        assertThat(page.title()).isEqualTo("Council launched");
        assertThat(page.byline()).isEqualTo("Ann Lee, Bo Park");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2019-11-20T11:19:29Z"));
        assertThat(page.language()).isEqualTo("ja-JP");
        assertThat(page.siteName()).isEqualTo("Example Daily");
        assertThat(page.canonicalUrl()).isEqualTo("https://daily.example.com/council");
    }

    @Test
    void aSiteNameSetOnWithoutSpacesLeavesTheTitle() {
        assertThat(read("""
                <html><head><title>津波注意報 気象庁 [宮崎県]：朝日新聞デジタル</title>
                <meta property="og:title" content="津波注意報　気象庁：朝日新聞デジタル">
                <meta property="og:site_name" content="朝日新聞デジタル"></head><body><p>Text.</p></body></html>""").title())
                .isEqualTo("津波注意報 気象庁");
        assertThat(read("""
                <html><head><title>도입 또다시 불발ㅣ한국일보</title><meta property="og:site_name" content="한국일보">
                </head><body><p>Text.</p></body></html>""").title()).isEqualTo("도입 또다시 불발");
        assertThat(read("""
                <html><head><title>Why I read Example News</title><meta property="og:site_name" content="Example News">
                </head><body><p>Text.</p></body></html>""").title()).as("the name is the headline's own last words")
                .isEqualTo("Why I read Example News");
    }

    @Test
    void aBylineListsItsNamesWithCommas() {
        assertThat(read(byline("Stella Kim and Jennifer Jett")).byline()).isEqualTo("Stella Kim, Jennifer Jett");
        assertThat(read(byline("By Ann Lee, Bo Park and Cy Twombly")).byline()).isEqualTo("Ann Lee, Bo Park, Cy Twombly");
        assertThat(read(byline("Trine Jørgensen og Tôrtia Reimer")).byline()).isEqualTo("Trine Jørgensen, Tôrtia Reimer");
        assertThat(read(byline("Martin Untersinger (avec Damien Leloup et Morgane Tual)")).byline())
                .isEqualTo("Martin Untersinger (avec Damien Leloup et Morgane Tual)");
    }

    @Test
    void theDateBesideABylineIsNoPartOfIt() {
        assertThat(read(byline("Dan Goodin - Apr 16, 2015 8:02 pm UTC")).byline()).isEqualTo("Dan Goodin");
        assertThat(read(byline("By Nathan Willis March 25, 2015")).byline()).isEqualTo("Nathan Willis");
        assertThat(read(byline("Jane Doe | Updated 2024-04-10")).byline()).isEqualTo("Jane Doe");
        assertThat(read(byline("Maya May")).byline()).as("a name, not a month").isEqualTo("Maya May");
    }

    private static String byline(String author) {
        return "<html><head><meta name=\"author\" content=\"" + author + "\"></head><body><p>Text.</p></body></html>";
    }

    @Test
    void markupIsReadWhereNeitherSaysIt() {
        PageMetadata page = read("""
                <html><head><title>Trade deal signed | Example</title>
                <meta http-equiv="content-language" content="fr">
                <link rel="canonical" href="/world/trade-deal"></head>
                <body><h1>Trade deal signed</h1><span class="byline">By <a rel="author" href="/p/x">Marie Curie</a></span>
                <time datetime="2020-08-14">Aug 14</time><p>Text.</p></body></html>""");

        assertThat(page.title()).isEqualTo("Trade deal signed");
        assertThat(page.byline()).isEqualTo("Marie Curie");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-08-14T00:00:00Z"));
        assertThat(page.canonicalUrl()).as("relative to the page's URL").isEqualTo("https://news.example.org/world/trade-deal");
        assertThat(page.language()).isEqualTo("fr");
    }

    @Test
    void ogUrlAndOgLocaleStandInForCanonicalLinkAndLangAttribute() {
        PageMetadata page = read("""
                <html><head><meta property="og:url" content="https://example.com/a">
                <meta property="og:locale" content="pt_BR"></head><body></body></html>""");

        assertThat(page.canonicalUrl()).isEqualTo("https://example.com/a");
        assertThat(page.language()).isEqualTo("pt-BR");
    }

    @Test
    void whatIsNoUrlNoLanguageNoDateAndNoNameIsIgnored() {
        PageMetadata page = read("""
                <html lang="English"><head><link rel="canonical" href="javascript:alert(1)">
                <meta property="og:url" content="https://news.example.org/">
                <meta name="author" content="https://www.facebook.com/someone">
                <meta property="article:published_time" content="last Tuesday"></head><body></body></html>""");

        assertThat(page.canonicalUrl()).isNull();
        assertThat(page.language()).isNull();
        assertThat(page.byline()).isNull();
        assertThat(page.publishedAt()).isNull();
        assertThat(page.title()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2015-07-24T05:36:09+01:00 | 2015-07-24T04:36:09Z
            2019-11-20T11:19:29+0000  | 2019-11-20T11:19:29Z
            2019-11-20 5:19:00 -0600  | 2019-11-20T11:19:00Z
            2019-11-20 11:19:29       | 2019-11-20T11:19:29Z
            2020-01-20T02:00:08.123Z  | 2020-01-20T02:00:08.123Z
            2020-08-14                | 2020-08-14T00:00:00Z
            Wed, 20 Nov 2019 11:19:29 GMT | 2019-11-20T11:19:29Z""")
    void publicationTimesInTheFormsPagesUse(String stated, String instant) {
        assertThat(PublishedTimes.parse(stated)).contains(Instant.parse(instant));
    }

    @Test
    void notATimeIsNoTime() {
        assertThat(PublishedTimes.parse("2019-13-45")).isEmpty();
        assertThat(PublishedTimes.parse("yesterday")).isEmpty();
        assertThat(PublishedTimes.parse(null)).isEmpty();
    }

    static List<String> benchmarkPages() {
        return ArticleFixtures.named("aeb-");
    }

    @ParameterizedTest
    @MethodSource("benchmarkPages")
    void benchmarkPagesNameTheirOwnUrl(String page) {
        String url = ArticleFixtures.json(page, "expected.json").get("url").asText();
        assertThat(ArticleFixtures.clean(page).canonicalUrl()).isEqualTo(url);
    }

    static List<String> trafilaturaPages() {
        return ArticleFixtures.named("trafilatura-").stream()
                .filter(page -> ArticleFixtures.json(page, "expected.json").has("title")).toList();
    }

    @ParameterizedTest
    @MethodSource("trafilaturaPages")
    void trafilaturaPagesHaveTheirTitleAuthorDateAndUrlRead(String page) {
        JsonNode expected = ArticleFixtures.json(page, "expected.json");
        CleanedArticle article = ArticleFixtures.clean(page);

        assertThat(article.title()).isEqualTo(expected.get("title").asText());
        assertThat(article.byline()).isEqualToIgnoringCase(expected.get("author").asText());
        assertThat(LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC)).isEqualTo(expected.get("date").asText());
        assertThat(article.canonicalUrl()).isEqualTo(expected.get("url").asText());
    }
}
