package dev.accord.ingest.service;

import java.util.List;

/** The lifecycle stage an initiative's own wording claims, from the priority-ordered {@code lexicon/stages.tsv}. */
final class StageClassifier {

    private static final Gazetteer STAGES = Gazetteer.load("lexicon/stages.tsv", false);
    private static final String DEFAULT_STAGE = "announced";

    private StageClassifier() {
    }

    static String stageOf(List<Token> clause) {
        List<String> stages = STAGES.keysIn(clause);
        return stages.isEmpty() ? DEFAULT_STAGE : stages.get(0);
    }
}
