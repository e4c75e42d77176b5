package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The article-extraction-benchmark pages (scrapinghub, MIT): the cleaned text against the hand-checked
 * {@code articleBody} of each, by word 4-gram F1 as that benchmark scores extractors.
 */
class ArticleExtractionBenchmarkTest {

    private static final double MIN_AVERAGE_F1 = 0.95;
    // No page may fail badly behind a good average.
    private static final double MIN_PAGE_F1 = 0.90;

    @Test
    void cleanedTextMatchesTheHandCheckedArticleBodies() {
        List<String> pages = ArticleFixtures.named("aeb-");
        assertThat(pages).as("benchmark pages in the fixtures").hasSize(5);

        Map<String, ShingleScore> scores = new LinkedHashMap<>();
        for (String page : pages) {
            String expected = ArticleFixtures.json(page, "expected.json").get("articleBody").asText();
            scores.put(page, ShingleScore.of(expected, ArticleFixtures.clean(page).text()));
        }
        double average = ShingleScore.summary(List.copyOf(scores.values())).f1();

        System.out.println("article-extraction-benchmark, word 4-gram shingles against articleBody");
        System.out.printf("%-42s %9s %9s %9s%n", "page", "precision", "recall", "F1");
        scores.forEach((page, score) -> System.out.printf("%-42s %9.3f %9.3f %9.3f%n", page, score.precision(),
                score.recall(), score.f1()));
        System.out.printf("%-42s %9s %9s %9.3f%n", "F1 of mean precision and recall", "", "", average);

        assertThat(scores).as("a score for every page").hasSameSizeAs(pages);
        scores.forEach((page, score) -> assertThat(score.f1()).as("F1 of %s", page).isGreaterThanOrEqualTo(MIN_PAGE_F1));
        assertThat(average).as("F1 over the pages").isGreaterThanOrEqualTo(MIN_AVERAGE_F1);
    }

    @Test
    void theScoreTellsAnArticleFromItsPage() {
        // The measure itself: identical texts score 1, furniture around the article lowers precision only.
        String article = "The two countries will link up with Australia for an integrated air defense network, "
                + "officials said on Tuesday in Washington.";
        assertThat(ShingleScore.of(article, article).f1()).isEqualTo(1.0);
        ShingleScore withFurniture = ShingleScore.of(article, "Skip to content Subscribe now to our newsletter "
                + article + " Leave a Reply Your email address will not be published");
        assertThat(withFurniture.recall()).isEqualTo(1.0);
        assertThat(withFurniture.precision()).isLessThan(0.6);
        assertThat(ShingleScore.of(article, "").f1()).isZero();
    }
}
