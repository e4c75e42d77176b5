package dev.accord.ingest.extract;

import dev.accord.ingest.text.Sentence;
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

    /** A coordinating "and" (with any comma before it): a candidate boundary. */
    private static final Pattern CONJUNCTION = Pattern.compile("[,;]?\\s+and\\s+");
    /** After it, a new subject (a few capitalised words, optionally after "the") and a finite verb. */
    private static final Pattern NEW_SUBJECT = Pattern.compile(
            "(?:the\\s+)?(?:[A-Z][\\p{L}.’']*\\s+){1,4}(?:and\\s+[A-Z][\\p{L}.’']*\\s+)?"
                    + "(?:are|is|will|would|have|has|were|was|plan|plans|agreed|signed)\\b");
    /** "between Japan and the U.S. …" joins two parties, not two clauses. */
    private static final Pattern ENDS_WITH_BETWEEN = Pattern.compile("between\\s[\\p{L}.’']{1,30}$");
    private static final int BETWEEN_LOOKBACK_CHARS = 40;
    /** Shorter pieces are noun fragments ("the U.S."), not clauses, and stay with their neighbour. */
    private static final int MIN_CLAUSE_WORDS = 6;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public List<Sentence> split(Sentence sentence) {
        List<Sentence> clauses = new ArrayList<>();
        String text = sentence.text();
        Matcher boundary = CONJUNCTION.matcher(text);
        Matcher subject = NEW_SUBJECT.matcher(text);
        Matcher between = ENDS_WITH_BETWEEN.matcher(text);
        int start = 0;
        while (boundary.find()) {
            if (!subject.region(boundary.end(), text.length()).lookingAt()
                    || between.region(Math.max(0, boundary.start() - BETWEEN_LOOKBACK_CHARS), boundary.start()).find()) {
                continue;
            }
            String piece = text.substring(start, boundary.start());
            String rest = text.substring(boundary.end());
            if (words(piece) >= MIN_CLAUSE_WORDS && words(rest) >= MIN_CLAUSE_WORDS) {
                clauses.add(clause(sentence, start, boundary.start()));
                start = boundary.end();
            }
        }
        clauses.add(clause(sentence, start, text.length()));
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
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
