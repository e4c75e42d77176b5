package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Paragraphs from markup, and the one-pass whitespace normalisation against its regular-expression definition. */
class BlockTextTest {

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad]");

    @Test
    void aDataTablesRowIsOneLineWhileALayoutTablesCellsBreakIntoTheirBlocks() {
        Element data = Jsoup.parse("<table><tr><th>Metro</th><th>$/sq ft</th><th>Yearly</th></tr>"
                + "<tr><td>Austin</td><td>$105</td><td>4.8%</td></tr><tr><td>Seattle</td><td>$158</td><td>4.8%</td></tr></table>")
                .body();
        Element layout = Jsoup.parse("<table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a></td>"
                + "<td><p>Japan and the United States agreed on a joint command.</p><p>Australia welcomed it.</p></td></tr></table>")
                .body();

        assertThat(BlockText.paragraphs(data)).containsExactly("Metro $/sq ft Yearly", "Austin $105 4.8%", "Seattle $158 4.8%");
        assertThat(BlockText.paragraphs(layout)).containsExactly("Home", "News",
                "Japan and the United States agreed on a joint command.", "Australia welcomed it.");
    }

    @Test
    void collapsesWhitespaceAndDropsInvisibleMarks() {
        assertThat(BlockText.normalise("  Tokyo\u00a0and \t\n Washington\u200b agreed \u200b to\u3000 it. "))
                .isEqualTo("Tokyo and Washington agreed to it.");
        assertThat(BlockText.normalise("co\u00adoperation")).isEqualTo("cooperation");
        assertThat(BlockText.normalise("\u2028\u2029\u0085")).isEmpty();
    }

    @Test
    void equalsTheRegexDefinitionOnArticlesAndOddTexts() {
        List<String> texts = new ArrayList<>(List.of("", " ", "a", " a ", "a  b", "a \u200b b", "\u200b", "a\u001cb\u001c",
                "\u001c a \u001f", "a\u00a0\u00a0b", "a \u00a0b", "x\uD83D\uDE00 y", "\uD800 \uDC00"));
        texts.addAll(TextSamples.articles());
        texts.addAll(TextSamples.random(11, "aZ. \t\n\r\u000b\u000c\u001c\u0085\u00a0\u1680\u2003\u2028\u2029\u202f\u205f\u3000"
                + "\u200b\u200c\u200d\u2060\ufeff\u00ad\u00e9\uD83D\uDE00", 5_000, 30));
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
