package dev.accord.catalog.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merge precision and recall on labelled pairs of mentions ({@code merge/pairs.json}: the same initiative
 * as two outlets report it, or two different initiatives with the same parties and alike wording), scored
 * with the default weight and threshold. Distinct programme names must never merge.
 */
class MergePairsTest {

    private static final double TITLE_WEIGHT = 0.6;
    private static final double THRESHOLD = 0.5;
    private static final double PRECISION_FLOOR = 0.7;
    private static final double RECALL_FLOOR = 0.8;

    @Test
    void mergesRewordingsAndKeepsDifferentInitiativesApart() throws IOException {
        JsonNode pairs;
        try (InputStream in = MergePairsTest.class.getClassLoader().getResourceAsStream("merge/pairs.json")) {
            pairs = new ObjectMapper().readTree(in).get("pairs");
        }
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> distinctNamesMerged = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode pair : pairs) {
            InitiativeMatcher.Features a = features(pair.get("a"));
            InitiativeMatcher.Features b = features(pair.get("b"));
            boolean merged = InitiativeMatcher.score(a, b, TITLE_WEIGHT) >= THRESHOLD;
            boolean same = pair.get("same").asBoolean();
            truePositives += merged && same ? 1 : 0;
            falsePositives += merged && !same ? 1 : 0;
            falseNegatives += !merged && same ? 1 : 0;
            if (merged != same) {
                wrong.add(pair.get("id").asText() + (same ? " kept apart: " : " merged: ") + pair.get("a").get("title").asText()
                        + " / " + pair.get("b").get("title").asText());
            }
            if (merged && ProgrammeName.compare(a.titleTerms(), b.titleTerms()) < 0) {
                distinctNamesMerged.add(pair.get("id").asText());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("merge pairs: %d; precision %.3f recall %.3f (TP %d, FP %d, FN %d)%n%s%n", pairs.size(), precision, recall,
                truePositives, falsePositives, falseNegatives, String.join("\n", wrong));

        assertThat(distinctNamesMerged).as("pairs with different programme names that merged").isEmpty();
        assertThat(precision).as("merge precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).as("merge recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    private static InitiativeMatcher.Features features(JsonNode mention) {
        List<String> countries = new ArrayList<>();
        mention.get("countries").forEach(c -> countries.add(c.asText()));
        List<String> organisations = new ArrayList<>();
        mention.get("organisations").forEach(o -> organisations.add(o.asText()));
        return InitiativeMatcher.Features.of(mention.get("title").asText(), mention.get("evidence").asText(), countries, organisations);
    }
}
