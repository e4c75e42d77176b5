package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the initiative classifier on the corpus's train split and writes it where the service loads
 * it from ({@code ./accord train-extractor}). A candidate is a positive example when its clause
 * overlaps a labelled initiative's evidence. Prints the dev split's figures at several thresholds.
 */
public final class TrainExtractor {

    static final String MODEL_FILE = "src/main/resources/" + InitiativeClassifier.RESOURCE;
    private static final int ITERATIONS = 300;
    /** 0 shows what the candidates alone could reach: the recall ceiling of the rules that propose them. */
    private static final double[] THRESHOLDS = {0, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7};
    private static final int CUTOFF = 2;
    /** L2 regularisation of the L-BFGS trainer: a few hundred documents overfit without it. */
    static final double L2_COST = Double.parseDouble(System.getProperty("l2", "3.0"));

    private TrainExtractor() {
    }

    public static void main(String[] args) throws IOException {
        Corpus corpus = Corpus.load();
        AbstractModel model = fit(corpus.split("train"));
        File file = new File(MODEL_FILE);
        file.getParentFile().mkdirs();
        new GenericModelWriter(model, file).persist();
        System.out.println("wrote " + file);
        InitiativeClassifier classifier = new InitiativeClassifier(model);
        for (double threshold : THRESHOLDS) {
            Scorecard dev = EvaluateExtractor.score(corpus.split("dev"), new InitiativeExtractor(new Tagger(), new ClauseSplitter(),
                    classifier, threshold));
            System.out.println(dev.summary(String.format("t=%.2f", threshold)));
        }
    }

    /** A model trained on the given documents, written nowhere. */
    static AbstractModel fit(List<Corpus.Doc> docs) throws IOException {
        InitiativeExtractor collector = new InitiativeExtractor(new Tagger(), new ClauseSplitter(), null, 0);
        List<Event> events = new ArrayList<>();
        int positives = 0;
        for (Corpus.Doc doc : docs) {
            for (InitiativeExtractor.Scored candidate : collector.candidates(doc.text())) {
                boolean initiative = doc.labels().stream().anyMatch(label -> overlaps(doc.text(), label.evidence(), candidate.initiative()));
                positives += initiative ? 1 : 0;
                events.add(new Event(initiative ? InitiativeClassifier.YES : InitiativeClassifier.NO, candidate.features()));
            }
        }
        System.out.printf("training on %d documents: %d candidates, %d positive%n", docs.size(), events.size(), positives);
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        parameters.put("L2Cost", L2_COST);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
        return (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
    }

    static boolean overlaps(String text, String evidence, FoundInitiative found) {
        int at = text.indexOf(evidence);
        return at >= 0 && Math.max(at, found.evidence().start()) < Math.min(at + evidence.length(), found.evidence().end());
    }
}
