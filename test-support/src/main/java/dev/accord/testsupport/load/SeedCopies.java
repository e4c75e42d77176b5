package dev.accord.testsupport.load;

import dev.accord.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distinct copies of the seed article, so that ingest's duplicate detection (content hash and a
 * 3-bit simhash distance) lets every request through: each copy gets a paragraph of made-up words
 * as long as the article itself, so that half of its word 3-shingles are its own and two copies'
 * simhashes lie about 20 bits apart (with a sixth, some pairs among thousands came within 3 bits).
 * The made-up words name no country, organisation or topic, so extraction finds the same initiatives.
 */
public final class SeedCopies {

    private final List<String> paragraphs;
    private final int noteWords;
    private final long salt;

    public SeedCopies(String seed, long salt) {
        this.paragraphs = Arrays.stream(seed.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        this.noteWords = Math.max(200, seed.split("\\s+").length);
        this.salt = salt;
    }

    /** Copies of the seed article the repository ships in {@code samples/}. */
    public static SeedCopies ofSeed(long salt) {
        return new SeedCopies(Fixtures.seedArticle(), salt);
    }

    /** Copy {@code n}: the seed with a paragraph of its own after the third paragraph. */
    public String copy(long n) {
        SplittableRandom random = new SplittableRandom(salt * 1_000_003L + n);
        String note = MadeUpText.paragraph(salt + "-" + n, noteWords, random);
        List<String> parts = new ArrayList<>(paragraphs);
        parts.add(Math.min(3, parts.size()), note);
        return String.join("\n\n", parts) + "\n";
    }
}
