package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence where "and" joins two independent clauses ("… an air defense network and the
 * U.S. and Japan are also expected to deepen intelligence cooperation"), because each clause can
 * announce an initiative of its own. Offsets stay relative to the whole text.
 */
@ApplicationScoped
public class ClauseSplitter {

    /** "and" followed by a new subject (a few capitalised words, optionally after "the") and a finite verb. */
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "(?<!between\\s[\\p{L}.’']{1,30})[,;]?\\s+and\\s+(?=(?:the\\s+)?(?:[A-Z][\\p{L}.’']*\\s+){1,4}(?:and\\s+[A-Z][\\p{L}.’']*\\s+)?"
                    + "(?:are|is|will|would|have|has|were|was|plan|plans|agreed|signed)\\b)");
    /** Shorter pieces are noun fragments ("the U.S."), not clauses, and stay with their neighbour. */
    private static final int MIN_CLAUSE_WORDS = 6;

    public List<Sentence> split(Sentence sentence) {
        List<Sentence> clauses = new ArrayList<>();
        Matcher boundary = CLAUSE_BOUNDARY.matcher(sentence.text());
        int start = 0;
        while (boundary.find()) {
            String piece = sentence.text().substring(start, boundary.start());
            String rest = sentence.text().substring(boundary.end());
            if (words(piece) >= MIN_CLAUSE_WORDS && words(rest) >= MIN_CLAUSE_WORDS) {
                clauses.add(clause(sentence, start, boundary.start()));
                start = boundary.end();
            }
        }
        clauses.add(clause(sentence, start, sentence.text().length()));
        return clauses;
    }

    private static Sentence clause(Sentence sentence, int from, int to) {
        String text = sentence.text().substring(from, to);
        int lead = text.length() - text.stripLeading().length();
        String stripped = text.strip();
        return new Sentence(stripped, sentence.start() + from + lead, sentence.start() + from + lead + stripped.length());
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
