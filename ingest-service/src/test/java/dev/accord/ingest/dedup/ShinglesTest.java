package dev.accord.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bottom-k sketch short articles are stored by, and the containment estimated from two sketches. */
class ShinglesTest {

    @Test
    void aSketchKeepsTheSmallestHashesAndSaysUpToWhere() {
        long[] shingles = Shingles.ofShortText(words(300, 1));
        long[] sketch = Shingles.sketch(shingles);

        assertThat(shingles.length).isGreaterThan(Shingles.SKETCH);
        assertThat(sketch).hasSize(Shingles.SKETCH).containsExactly(Arrays.copyOf(shingles, Shingles.SKETCH));
        assertThat(Shingles.sketchLimit(shingles)).isEqualTo(sketch[Shingles.SKETCH - 1]);
        assertThat(Shingles.countUpTo(shingles, sketch[Shingles.SKETCH - 1])).isEqualTo(Shingles.SKETCH);

        long[] few = Shingles.ofShortText(words(20, 2));
        assertThat(Shingles.sketch(few)).isSameAs(few);
        assertThat(Shingles.sketchLimit(few)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sketchesOfAnEditedCopyAgreeAndThoseOfAnotherStoryDoNot() {
        String text = words(300, 3);
        String edited = text.replaceFirst(" (\\w+) ", " changed ");
        assertThat(sameBySketch(text, edited)).isTrue();
        assertThat(sameBySketch(text, "Breaking news\n\n" + text)).isTrue();
        assertThat(sameBySketch(text, words(300, 4))).isFalse();
        // Half the text is not the article: the size rule still holds.
        assertThat(sameBySketch(text, text.substring(0, text.length() / 3))).isFalse();
    }

    /** What the detector computes from the two sketches (the stored side's count comes from the database there). */
    private static boolean sameBySketch(String stored, String incoming) {
        long[] theirs = Shingles.ofShortText(stored);
        long[] ours = Shingles.ofShortText(incoming);
        long[] theirSketch = Shingles.sketch(theirs);
        long[] ourSketch = Shingles.sketch(ours);
        long ourLimit = Shingles.sketchLimit(ours);
        long theirLimit = Shingles.sketchLimit(theirs);
        int shared = (int) Arrays.stream(ourSketch).filter(h -> Arrays.binarySearch(theirSketch, h) >= 0).count();
        int oursInRange = Shingles.countUpTo(ours, Math.min(ourLimit, theirLimit));
        int theirsInRange = Shingles.countUpTo(theirSketch, ourLimit);
        return Shingles.sameArticle(shared, ours.length <= theirs.length ? oursInRange : theirsInRange, ours.length, theirs.length);
    }

    private static String words(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("w").append(random.nextInt(5000)).append(i % 15 == 14 ? ". " : " ");
        }
        return text.toString().strip();
    }
}
