package dev.accord.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.tag.Tagger;
import dev.accord.testsupport.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the extractor against hand-labelled fixture articles
 * ({@code extraction/labels.json}). A found initiative is right when its evidence contains a
 * labelled phrase; labelled phrases no initiative covers are misses.
 */
class ExtractionQualityTest {

    private final InitiativeExtractor extractor = new InitiativeExtractor(new Tagger(), new ClauseSplitter());
    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();

    @Test
    void extractorFindsTheLabelledInitiativesAndLittleElse() throws IOException {
        JsonNode labels = new ObjectMapper().readTree(resource("extraction/labels.json"));
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        StringBuilder table = new StringBuilder(String.format("%-62s %5s %5s %4s %4s%n", "article", "found", "label", "TP", "FP"));
        List<String> violations = new ArrayList<>();
        for (JsonNode article : labels.get("articles")) {
            String text = textOf(article.get("source").asText());
            List<FoundInitiative> found = extractor.extract(text);
            List<String> expected = new ArrayList<>();
            article.get("expected").forEach(e -> expected.add(e.asText()));
            int tp = (int) expected.stream().filter(phrase -> found.stream().anyMatch(f -> covers(f, phrase))).count();
            int fp = (int) found.stream().filter(f -> expected.stream().noneMatch(phrase -> covers(f, phrase))).count();
            truePositives += tp;
            falsePositives += fp;
            falseNegatives += expected.size() - tp;
            table.append(String.format("%-62s %5d %5d %4d %4d%n", article.get("name").asText(), found.size(), expected.size(), tp, fp));
            for (JsonNode absent : article.get("absent")) {
                found.stream().filter(f -> covers(f, absent.asText()))
                        .forEach(f -> violations.add(article.get("name").asText() + ": " + f.evidence().text()));
            }
            found.forEach(f -> table.append("      - [").append(f.stage()).append("] ").append(f.title()).append("  <= ")
                    .append(f.evidence().text(), 0, Math.min(90, f.evidence().text().length())).append('\n'));
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("%s%nprecision %.2f  recall %.2f  F1 %.2f  (TP %d, FP %d, FN %d)%n", table, precision, recall, f1,
                truePositives, falsePositives, falseNegatives);

        assertThat(violations).as("initiatives reported from text labelled as not an initiative").isEmpty();
        // The floors guard these nine fixtures against regressions; the quality gate is the corpus's dev split
        // (ExtractionCorpusTest), whose labels follow the codebook. The rules these labels were written with
        // scored 0.76 / 0.81 here and 0.46 / 0.37 on that dev split. The model trained on the audited corpus
        // scores 0.44 / 0.69 (one of these 16 labels fewer than the model before it).
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.44);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.65);
    }

    private static boolean covers(FoundInitiative found, String phrase) {
        return found.evidence().text().toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
    }

    private String textOf(String source) throws IOException {
        if (source.equals("seed")) {
            return cleaner.clean(new ArticleDraft(null, null, null, null, null, Fixtures.seedArticle())).text();
        }
        String content = new String(resource(source).readAllBytes(), StandardCharsets.UTF_8);
        if (source.endsWith(".json")) {
            return new ObjectMapper().readTree(content).get("articleBody").asText();
        }
        // Readability's expected output: its paragraphs are the article text.
        List<String> paragraphs = new ArrayList<>();
        Jsoup.parse(content).select("p").forEach(p -> paragraphs.add(p.text()));
        return String.join("\n\n", paragraphs);
    }

    private static InputStream resource(String path) {
        InputStream in = ExtractionQualityTest.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing test resource " + path);
        }
        return in;
    }
}
