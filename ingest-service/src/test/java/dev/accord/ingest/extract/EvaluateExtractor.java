package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import java.util.List;

/**
 * Extraction quality per corpus split with the shipped model ({@code ./accord eval-extractor [--test]
 * [--details] [--threshold P]}). The test split is scored only when asked: it is reported, never tuned on.
 */
public final class EvaluateExtractor {

    private EvaluateExtractor() {
    }

    public static void main(String[] args) {
        boolean test = List.of(args).contains("--test");
        boolean details = List.of(args).contains("--details");
        Corpus corpus = Corpus.load();
        int at = List.of(args).indexOf("--threshold");
        double threshold = at >= 0 ? Double.parseDouble(args[at + 1]) : InitiativeExtractor.DEFAULT_THRESHOLD;
        InitiativeExtractor extractor = new InitiativeExtractor(new Tagger(), new ClauseSplitter(), InitiativeClassifier.shipped(), threshold);
        for (String split : test ? List.of("train", "dev", "test") : List.of("train", "dev")) {
            Scorecard card = score(corpus.split(split), extractor);
            System.out.println(card.summary(split));
            System.out.print(card.confusion());
            for (String kind : List.of("news", "fact-sheet", "government-release", "intergovernmental", "no-announcement")) {
                List<Corpus.Doc> ofKind = corpus.split(split).stream().filter(d -> d.kind().equals(kind)).toList();
                System.out.println("  " + score(ofKind, extractor).summary(kind.length() > 6 ? kind.substring(0, 6) : kind)
                        + " docs " + ofKind.size());
            }
            if (details && !split.equals("test")) {
                print("missed", card.misses);
                print("noise", card.noise);
                print("parties", card.wrongParties);
                print("stages", card.wrongStages);
                print("topics", card.wrongTopics);
            }
        }
    }

    static Scorecard score(List<Corpus.Doc> docs, InitiativeExtractor extractor) {
        Scorecard card = new Scorecard();
        for (Corpus.Doc doc : docs) {
            card.add(doc, extractor.extract(doc.text()));
        }
        return card;
    }

    private static void print(String heading, List<String> lines) {
        System.out.println("-- " + heading + " (" + lines.size() + ")");
        lines.forEach(line -> System.out.println("   " + line));
    }
}
