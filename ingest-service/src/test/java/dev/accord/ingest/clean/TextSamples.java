package dev.accord.ingest.clean;

import dev.accord.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Texts for checking a hand-written text routine against its plain definition: real articles, and random strings. */
public final class TextSamples {

    private TextSamples() {
    }

    /** The seed article and the HTML of every fixture article page. */
    public static List<String> articles() {
        List<String> texts = new ArrayList<>(List.of(Fixtures.seedArticle()));
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/articles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** {@code count} strings of up to {@code maxLength - 1} characters drawn from {@code alphabet}, the same for a seed. */
    public static List<String> random(long seed, String alphabet, int count, int maxLength) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(maxLength); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
