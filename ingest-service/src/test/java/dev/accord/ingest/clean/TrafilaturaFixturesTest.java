package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trafilatura evaluation pages (Apache-2.0): every snippet its evaluation lists under "with" is in the cleaned
 * text, every one under "without" is not.
 */
class TrafilaturaFixturesTest {

    /**
     * "without" snippets this cleaner keeps on purpose, each with the reason; the reason is checked below, so an
     * entry cannot hide a real failure. The SCMP page renders in the browser: its article exists only in its
     * scripts, and this sentence opens the article's closing paragraph there (in the publisher's own JSON-LD
     * articleBody), so keeping the whole article keeps it.
     */
    private static final Map<String, String> KEPT_AS_ARTICLE_TEXT = Map.of(
            "trafilatura-scmp-taiwan-tsai-playbook", "Lam staying on as chief executive");

    static List<String> pages() {
        return ArticleFixtures.named("trafilatura-");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void snippetsListedWithArePresentAndThoseListedWithoutAreAbsent(String page) {
        JsonNode expected = ArticleFixtures.json(page, "expected.json");
        String text = ArticleFixtures.squashed(ArticleFixtures.clean(page).text());

        assertThat(expected.get("with")).isNotEmpty();
        for (JsonNode with : expected.get("with")) {
            assertThat(text).as("%s keeps its article", page).contains(ArticleFixtures.squashed(with.asText()));
        }
        for (JsonNode without : expected.get("without")) {
            String snippet = ArticleFixtures.squashed(without.asText());
            if (snippet.equals(KEPT_AS_ARTICLE_TEXT.get(page))) {
                continue;
            }
            assertThat(text).as("%s loses its furniture", page).doesNotContain(snippet);
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void readersCommentsAreNoPartOfTheArticle(String page) {
        JsonNode comments = ArticleFixtures.json(page, "expected.json").path("comments");
        String text = ArticleFixtures.squashed(ArticleFixtures.clean(page).text());
        for (JsonNode comment : comments) {
            assertThat(text).doesNotContain(ArticleFixtures.squashed(comment.asText()));
        }
    }

    @Test
    void snippetsKeptOnPurposeAreTheArticlesOwnWords() {
        KEPT_AS_ARTICLE_TEXT.forEach((page, snippet) -> {
            String publisherText = jsonLdArticleBody(ArticleFixtures.read(page, "source.html"));
            assertThat(publisherText).as("%s's JSON-LD articleBody", page).contains(snippet);
            assertThat(ArticleFixtures.squashed(ArticleFixtures.clean(page).text())).contains(snippet);
        });
    }

    /** The JSON-LD articleBody of a page, read without the cleaner's own code. */
    private static String jsonLdArticleBody(String html) {
        StringBuilder bodies = new StringBuilder();
        for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
            try {
                new ObjectMapper().readTree(script.data()).findValues("articleBody")
                        .forEach(body -> bodies.append(body.asText()).append('\n'));
            } catch (IOException e) {
                // Not every script holds valid JSON; the others still count.
            }
        }
        return ArticleFixtures.squashed(bodies.toString());
    }
}
