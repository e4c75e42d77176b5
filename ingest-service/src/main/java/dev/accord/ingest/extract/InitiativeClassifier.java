package dev.accord.ingest.extract;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The statistical half of extraction: a maximum-entropy model (OpenNLP's GIS trainer) over
 * {@link Features}, trained on the corpus's train split by {@code ./accord train-extractor}. It gives
 * the probability that a candidate clause reports an initiative.
 */
public final class InitiativeClassifier {

    public static final String RESOURCE = "extract/initiative-classifier.bin";
    public static final String YES = "initiative";
    public static final String NO = "other";

    private final MaxentModel model;
    private final int yes;

    public InitiativeClassifier(MaxentModel model) {
        this.model = model;
        this.yes = model.getIndex(YES);
    }

    /** The model shipped on the class path. */
    public static InitiativeClassifier shipped() {
        try (InputStream in = InitiativeClassifier.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classifier model " + RESOURCE + "; train it with ./accord train-extractor");
            }
            return new InitiativeClassifier(new GenericModelReader(new BinaryFileDataReader(new DataInputStream(in))).getModel());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classifier model " + RESOURCE, e);
        }
    }

    double probability(String[] features) {
        return model.eval(features)[yes];
    }
}
