package dev.accord.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-pass whitespace normalisation gives the very text of its regular-expression definition. */
class BlockTextTest {

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad]");

    @Test
    void collapsesWhitespaceAndDropsInvisibleMarks() {
        assertThat(BlockText.normalise("  Tokyo\u00a0and \t\n Washington\u200b agreed \u200b to\u3000 it. "))
                .isEqualTo("Tokyo and Washington agreed to it.");
        assertThat(BlockText.normalise("co\u00adoperation")).isEqualTo("cooperation");
        assertThat(BlockText.normalise("\u2028\u2029\u0085")).isEmpty();
    }

    @Test
    void equalsTheRegexDefinitionOnArticlesAndOddTexts() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", " ", "a", " a ", "a  b", "a \u200b b", "\u200b", "a\u001cb\u001c",
                "\u001c a \u001f", "a\u00a0\u00a0b", "a \u00a0b", "x\uD83D\uDE00 y", "\uD800 \uDC00"));
        texts.add(Fixtures.seedArticle());
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/articles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "aZ. \t\n\r\u000b\u000c\u001c\u0085\u00a0\u1680\u2003\u2028\u2029\u202f\u205f\u3000"
                + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u00e9\uD83D\uDE00";
        for (int t = 0; t < 5_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(30); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(BlockText.normalise(text)).as(printable(text)).isEqualTo(byRegex(text));
        }
    }

    /** The definition: invisible marks removed, then every run of Unicode whitespace one space, then stripped. */
    private static String byRegex(String text) {
        return WHITESPACE.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").strip();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(60).forEach(c -> out.append(c < 0x7f && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
