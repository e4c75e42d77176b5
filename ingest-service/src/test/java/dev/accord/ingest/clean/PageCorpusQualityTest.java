package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cleaner on the dev split of the page corpus, scored as the article-extraction-benchmark scores: fails when
 * quality drops below what it measured when these floors were set (docs/boilerplate.md has the figures).
 */
class PageCorpusQualityTest {

    private static final double MIN_F1 = 0.925;
    private static final double MIN_PRECISION = 0.945;
    private static final double MIN_RECALL = 0.905;

    @Test
    void theDevSplitKeepsItsQuality() {
        List<PageCorpus.Page> pages = PageCorpus.split("dev");
        assertThat(pages).as("dev pages in corpus/pages").hasSizeGreaterThan(200);

        ShingleScore.Summary summary = EvaluateCleaner.summary(EvaluateCleaner.score(pages));

        System.out.printf("page corpus dev split: %d pages, F1 %.3f, precision %.3f, recall %.3f%n", summary.pages(),
                summary.f1(), summary.precision(), summary.recall());
        assertThat(summary.precision()).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(summary.recall()).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(summary.f1()).as("F1").isGreaterThanOrEqualTo(MIN_F1);
    }

    @Test
    void theScorerIsTheBenchmarksOwn() {
        // Case counts, underscores join words, and a text shorter than four tokens is one shorter gram.
        assertThat(ShingleScore.of("The Moon", "the moon").f1()).isZero();
        assertThat(ShingleScore.of("snake_case is one token here", "snake_case is one token here").f1()).isEqualTo(1.0);
        assertThat(ShingleScore.of("Two words", "Two words").f1()).isEqualTo(1.0);
        ShingleScore half = ShingleScore.of("a b c d e", "a b c d");
        // True grams: (a b c d), (b c d e); predicted: (a b c d): tp 1, fn 1, normalised to a half each.
        assertThat(half.tp()).isEqualTo(0.5);
        assertThat(half.fn()).isEqualTo(0.5);
        assertThat(half.precision()).isEqualTo(1.0);
        assertThat(half.recall()).isEqualTo(0.5);
        // Pages that predicted nothing count for recall only.
        ShingleScore.Summary summary = ShingleScore.summary(List.of(ShingleScore.of("a b c d", ""), ShingleScore.of("a b c d", "a b c d")));
        assertThat(summary.precision()).isEqualTo(1.0);
        assertThat(summary.recall()).isEqualTo(0.5);
    }
}
