package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How well the classifier generalises, from train and dev alone ({@code ./accord eval-extractor --cross-validate}):
 * trained on all folds but one and scored on the one left out, at several thresholds. Two fold schemes: five
 * folds of documents drawn at random (new texts from sources seen in training), and one fold per collection
 * (texts from outlets and agencies never seen, as an independent evaluation's are). The test split is not read.
 */
public final class CrossValidateExtractor {

    private static final int RANDOM_FOLDS = 5;
    private static final double[] THRESHOLDS = {0.05, 0.1, 0.2, 0.3, 0.5};

    private CrossValidateExtractor() {
    }

    public static void main(String[] args) throws IOException {
        Corpus corpus = Corpus.load();
        List<Corpus.Doc> docs = new ArrayList<>(corpus.split("train"));
        docs.addAll(corpus.split("dev"));
        report("random folds", docs, RANDOM_FOLDS, doc -> Math.floorMod(doc.id().hashCode(), RANDOM_FOLDS));
        List<String> collections = docs.stream().map(CrossValidateExtractor::collection).distinct().sorted().toList();
        report("one collection left out", docs, collections.size(), doc -> collections.indexOf(collection(doc)));
    }

    private static void report(String scheme, List<Corpus.Doc> docs, int folds, ToIntFunction<Corpus.Doc> foldOf) throws IOException {
        List<Scorecard> cards = new ArrayList<>();
        for (double ignored : THRESHOLDS) {
            cards.add(new Scorecard());
        }
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            InitiativeClassifier classifier = new InitiativeClassifier(
                    TrainExtractor.fit(docs.stream().filter(d -> foldOf.applyAsInt(d) != held).toList()));
            List<Corpus.Doc> scored = docs.stream().filter(d -> foldOf.applyAsInt(d) == held).toList();
            for (int t = 0; t < THRESHOLDS.length; t++) {
                InitiativeExtractor extractor = new InitiativeExtractor(new Tagger(), new ClauseSplitter(), classifier, THRESHOLDS[t]);
                for (Corpus.Doc doc : scored) {
                    cards.get(t).add(doc, extractor.extract(doc.text()));
                }
            }
        }
        System.out.println(scheme + " (" + folds + " folds over " + docs.size() + " documents):");
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.println("  " + cards.get(t).summary(String.format("t=%.2f", THRESHOLDS[t])));
        }
    }

    /** The collection a document came from: its id's prefix ("bbc", "usgov", …). */
    private static String collection(Corpus.Doc doc) {
        return doc.id().substring(0, doc.id().indexOf('-'));
    }
}
