package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;

/** The extractor's candidates with their title, parties and stage, whether or not the classifier would report them. */
final class Candidates {

    private static final InitiativeExtractor EXTRACTOR = new InitiativeExtractor(new Tagger(), new ClauseSplitter());

    private Candidates() {
    }

    /** The first candidate whose evidence holds the phrase. */
    static FoundInitiative about(String text, String phrase) {
        return EXTRACTOR.candidates(text).stream().map(InitiativeExtractor.Scored::initiative)
                .filter(i -> i.evidence().text().contains(phrase)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate about \"" + phrase + "\" in: " + text));
    }
}
