package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints every candidate of a text file (or of a corpus document, by id) with its probability, title, stage, parties and features. */
public final class ExplainExtraction {

    private ExplainExtraction() {
    }

    public static void main(String[] args) throws IOException {
        String text = Files.exists(Path.of(args[0])) ? Files.readString(Path.of(args[0]))
                : Corpus.load().docs().stream().filter(d -> d.id().equals(args[0])).findFirst().orElseThrow().text();
        InitiativeExtractor extractor = new InitiativeExtractor(new Tagger(), new ClauseSplitter());
        for (InitiativeExtractor.Scored scored : extractor.candidates(text)) {
            FoundInitiative found = scored.initiative();
            System.out.printf("%.2f [%s] %s %s %s%n     %s%n     %s%n", scored.probability(), found.stage(), found.title(), found.countries(),
                    found.topics(), found.evidence().text(), String.join(" ", scored.features()));
        }
    }
}
