package dev.accord.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Apache OpenNLP's English sentence model (Universal Dependencies EWT, from the
 * {@code opennlp-models-sentdetect-en} jar), loaded once. The model is thread-safe, its runner is not,
 * so each thread gets one of its own.
 *
 * <p>OpenNLP's tokenizer, POS tagger and lemmatizer are not used: on the seed article they took 3.4, 10
 * and 105 ms of CPU (one thread, warmed up) against a budget of 5 ms for the whole of cleaning,
 * extraction and tagging, and the dictionaries read the hand-written tokenizer's words.
 */
public final class EnglishModels {

    private static final String PREFIX = "opennlp-en-ud-ewt-";
    private static final String SUFFIX = "-1.3-2.5.4.bin";

    private static final SentenceModel SENTENCES = load("sentence", SentenceModel::new);

    private static final ThreadLocal<Runners> RUNNERS = ThreadLocal.withInitial(Runners::new);

    /** One thread's runners over the shared models. */
    public static final class Runners {
        public final SentenceDetectorME sentences = new SentenceDetectorME(SENTENCES);
    }

    private EnglishModels() {
    }

    /** This thread's runners. */
    public static Runners runners() {
        return RUNNERS.get();
    }

    /** Forces the models to load (at start-up rather than on the first article). */
    public static void warm() {
        runners();
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String kind, ModelReader<M> reader) {
        String resource = PREFIX + kind + SUFFIX;
        try (InputStream in = EnglishModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing OpenNLP model " + resource + " on the class path");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
        }
    }
}
