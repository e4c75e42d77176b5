package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mozilla Readability's test pages (Apache-2.0): the cleaned text keeps the main text Readability extracts
 * ({@code expected.html}), loses furniture of the page, and title, byline, time and language are read as
 * {@code expected-metadata.json} states them.
 */
class ReadabilityFixturesTest {

    // Readability also keeps photo captions and "Read more" link lists, which this cleaner drops on purpose.
    private static final double MIN_RECALL = 0.9;

    /** Furniture each page shows around its article, picked by hand from the page. */
    private static final Map<String, List<String>> FURNITURE = Map.of(
            "readability-bbc-1", List.of("Share this story", "Most Popular", "Copyright © 2015 BBC"),
            "readability-herald-sun-1", List.of("Subscribe now to access Herald Sun", "Most Popular Stories",
                    "Forgot your password?"),
            "readability-nytimes-1", List.of("Share This Page", "Related Coverage", "Your profile is public"),
            "readability-telegraph", List.of("If you would like to add a comment", "We rely on advertising to help fund",
                    "Related Topics"),
            "readability-wapo-1", List.of("Share on Facebook", "You must be logged in to report a comment", "Most Read"),
            "readability-wapo-2", List.of("Share on Facebook", "You must be logged in to report a comment", "Most Read"));

    /**
     * Bylines not compared: on the Herald Sun page Readability took the byline of a teaser further down the page
     * (the article's own byline slot names Laurie Oakes).
     */
    private static final List<String> BYLINE_NOT_COMPARED = List.of("readability-herald-sun-1");

    static List<String> pages() {
        return ArticleFixtures.named("readability-");
    }

    @Test
    void everyPageHasItsFurnitureListed() {
        assertThat(FURNITURE.keySet()).containsExactlyInAnyOrderElementsOf(pages());
    }

    @ParameterizedTest
    @MethodSource("pages")
    void mainTextIsKept(String page) {
        String expected = Jsoup.parse(ArticleFixtures.read(page, "expected.html")).text();
        ShingleScore score = ShingleScore.of(expected, ArticleFixtures.clean(page).text());
        System.out.printf("%-26s recall %.3f precision %.3f against Readability's extraction%n", page, score.recall(),
                score.precision());
        assertThat(score.recall()).as("share of Readability's text kept on %s", page).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void furnitureIsGone(String page) {
        String source = ArticleFixtures.squashed(Jsoup.parse(ArticleFixtures.read(page, "source.html")).text());
        String text = ArticleFixtures.squashed(ArticleFixtures.clean(page).text());
        for (String furniture : FURNITURE.get(page)) {
            assertThat(source).as("the page shows it").contains(furniture);
            assertThat(text).doesNotContain(furniture);
        }
    }

    static Stream<Arguments> metadata() {
        return pages().stream().map(page -> Arguments.of(page, ArticleFixtures.json(page, "expected-metadata.json")));
    }

    @ParameterizedTest
    @MethodSource("metadata")
    void pageMetadataIsRead(String page, JsonNode expected) {
        CleanedArticle article = ArticleFixtures.clean(page);

        assertThat(article.title()).isEqualTo(expected.get("title").asText());
        if (expected.hasNonNull("publishedTime")) {
            assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse(expected.get("publishedTime").asText()).toInstant());
        }
        if (expected.hasNonNull("lang")) {
            assertThat(article.language()).isEqualToIgnoringCase(expected.get("lang").asText());
        }
        if (expected.hasNonNull("byline") && !BYLINE_NOT_COMPARED.contains(page)) {
            assertThat(article.byline()).isEqualToIgnoringCase(expected.get("byline").asText().replaceFirst("^By ", ""));
        }
        if (expected.hasNonNull("siteName")) {
            assertThat(article.source()).isEqualTo(expected.get("siteName").asText());
        }
    }
}
