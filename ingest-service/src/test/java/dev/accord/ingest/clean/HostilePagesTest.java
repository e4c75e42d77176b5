package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.accord.ingest.extract.ClauseSplitter;
import dev.accord.ingest.extract.InitiativeExtractor;
import dev.accord.ingest.intake.BodyDecoder;
import dev.accord.ingest.tag.Tagger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever HTML arrives, reading it ends in an article or in no text (which the API answers with a 4xx), never
 * in an exception: every corpus page, each also truncated, stripped of its body tags and with its bytes broken,
 * and pages made to hurt (deep nesting, nested tables, megabyte attributes, script only).
 */
class HostilePagesTest {

    private static final BoilerplateCleaner CLEANER = new BoilerplateCleaner();
    private static final Tagger TAGGER = new Tagger();
    private static final InitiativeExtractor EXTRACTOR = new InitiativeExtractor(TAGGER, new ClauseSplitter());
    private static final String PROSE = "<p>Kenya and Ghana on Monday completed the Mombasa-Accra Vaccine Manufacturing "
            + "Network, which will produce vaccines for the African continent, officials said in Nairobi.</p>";

    static Stream<Arguments> corpusPagesMutated() {
        return PageCorpus.all().stream().flatMap(page -> {
            byte[] bytes = page.bytes();
            Random random = new Random(page.id().hashCode());
            String html = page.html();
            return Stream.of(
                    Arguments.of(page.id() + " as served", html),
                    Arguments.of(page.id() + " truncated", html.substring(0, random.nextInt(html.length() + 1))),
                    Arguments.of(page.id() + " without html, head and body tags",
                            html.replaceAll("(?i)</?(html|head|body)\\b[^>]*>", "")),
                    Arguments.of(page.id() + " with broken bytes",
                            BodyDecoder.decode(broken(bytes, random), null, BodyDecoder.Declaration.HTML)));
        });
    }

    static Stream<Arguments> madeToHurt() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("whitespace only", " \n\t "),
                Arguments.of("a doctype only", "<!DOCTYPE html>"),
                Arguments.of("script only", "<script>" + "var a = '<p>not text</p>';".repeat(10_000) + "</script>"),
                Arguments.of("an unclosed comment", "<html><body>" + PROSE + "<!-- never closed " + PROSE),
                Arguments.of("20,000 nested divs", "<html><body>" + "<div>".repeat(20_000) + PROSE + "</div>".repeat(20_000)),
                Arguments.of("20,000 unclosed spans", "<html><body><p>" + "<span>a ".repeat(20_000) + PROSE),
                Arguments.of("500 nested tables", "<html><body>" + "<table><tr><td>".repeat(500) + PROSE
                        + "</td></tr></table>".repeat(500)),
                Arguments.of("a megabyte attribute", "<html><body><div class=\"" + "x".repeat(1 << 20) + "\">" + PROSE + "</div>"),
                Arguments.of("a megabyte word", "<html><body><p>" + "w".repeat(1 << 20) + "</p>" + PROSE),
                Arguments.of("a megabyte of paragraphs", "<html><body>" + PROSE.repeat(5_000)),
                Arguments.of("100,000 empty paragraphs", "<html><body>" + "<p></p>".repeat(100_000) + PROSE),
                Arguments.of("NUL and control characters", "<html><body><p>\u0000\u0001\u0008" + PROSE + "\u001b\u007f</p>"),
                Arguments.of("lone surrogates", "<html><body><p>\ud800 \udfff " + PROSE + "</p>"),
                Arguments.of("a frameset", "<html><frameset><frame src='a.html'></frameset></html>"),
                Arguments.of("JSON-LD nested 5,000 deep", "<html><head><script type='application/ld+json'>"
                        + "[".repeat(5_000) + "]".repeat(5_000) + "</script></head><body>" + PROSE),
                Arguments.of("JSON-LD with a huge article body", "<html><head><script type='application/ld+json'>"
                        + "{\"@type\":\"NewsArticle\",\"articleBody\":\"" + "Word, ".repeat(200_000) + "\"}</script></head><body></body>"),
                Arguments.of("an XML feed", "<?xml version='1.0'?><rss><channel><item><title>T</title></item></channel></rss>"),
                Arguments.of("binary bytes", new String(randomBytes(64_000), StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"corpusPagesMutated", "madeToHurt"})
    void anyPageIsReadWithoutFailing(String name, String html) {
        assertThatCode(() -> {
            CleanedArticle article = CLEANER.clean(new ArticleDraft("https://news.example.org/a", null, null, null, html, null));
            assertThat(article.text()).isNotNull();
            EXTRACTOR.extract(article.text());
            TAGGER.tag(article.text());
        }).as(name).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("madeToHurt")
    void theArticleInsideAHostilePageIsStillFound(String name, String html) {
        String text = CLEANER.clean(new ArticleDraft(null, null, null, null, html, null)).text();
        if (html.contains(PROSE) && !name.contains("comment")) {
            assertThat(text).as(name).contains("Mombasa-Accra Vaccine Manufacturing Network");
        }
    }

    /** The page with some bytes overwritten by ones no UTF-8 text holds, and one multi-byte sequence cut short. */
    private static byte[] broken(byte[] bytes, Random random) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < 20 && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) (random.nextBoolean() ? 0xFF : 0xC3);
        }
        return copy;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

}
