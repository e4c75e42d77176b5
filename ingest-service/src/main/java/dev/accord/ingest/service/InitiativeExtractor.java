package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds clauses that announce, launch, expand, agree to or plan something concrete: an action verb
 * and, after it, a thing that can be set up (a council, a network, a partnership, a deal, a
 * policy…). Direct quotes, negations, conditionals, demands, criticism and background history are
 * skipped: they report opinions or the past, not initiatives.
 */
@ApplicationScoped
public class InitiativeExtractor {

    public static final String VERSION = "rules-0.2";

    /** Verbs that announce, set up, extend or end something. */
    private static final Gazetteer ACTIONS = Gazetteer.load("lexicon/actions.tsv", false);
    /** Head nouns of what gets set up: a council, a network, a partnership. */
    private static final Gazetteer THINGS = Gazetteer.load("lexicon/things.tsv", false);
    /** Negations, wishes, criticism, speculation, history: wording that announces nothing. */
    private static final Gazetteer NON_ANNOUNCEMENTS = Gazetteer.load("lexicon/non-announcements.tsv", false);
    private static final Gazetteer HEDGES = Gazetteer.load("lexicon/hedges.tsv", false);
    /** Non-announcements recognised by the sentence's shape rather than its words: a condition, a dated past, hearsay. */
    private static final Pattern NOT_AN_ANNOUNCEMENT_SHAPE = Pattern.compile("(?i)^if\\b|^(in|by|since) (the )?(\\d{4}|mid-\\d{4}s|\\d{4}s)\\b"
            + "|[”\"],?\\s+(said|says|added|told)\\b");
    /** "some 70 new initiatives", "dozens of announcements": a count of initiatives is not one of them. */
    private static final List<String> UMBRELLA_NOUNS = List.of("initiatives", "announcements", "measures", "steps");
    private static final Pattern UMBRELLA = Pattern.compile("(?i)\\b((expected to |will )?announce\\s+)?(some \\d+|\\d+"
            + "|dozens of|a series of|several) (new )?(" + String.join("|", UMBRELLA_NOUNS) + ")\\b[^,.;–—]*");
    private static final int LOOK_BEHIND_CHARS = 60;
    private static final Pattern STARTS_AS_QUOTE = Pattern.compile("^[\"“”‘']");

    /** A trailing attribution ("…, an official said."), which is not part of what was announced. */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i),\\s*(an?|the|one|two|three)?\\s*(senior )?(administration )?"
            + "(official|officials|spokesperson|spokesman|spokeswoman)\\s+said\\.?$");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:]$");

    private final Tagger tagger;
    private final ClauseSplitter clauses;

    public InitiativeExtractor(Tagger tagger, ClauseSplitter clauses) {
        this.tagger = tagger;
        this.clauses = clauses;
    }

    public List<FoundInitiative> extract(List<Sentence> sentences) {
        List<FoundInitiative> found = new ArrayList<>();
        for (Sentence sentence : sentences) {
            String text = sentence.text();
            if (STARTS_AS_QUOTE.matcher(text).find() || NOT_AN_ANNOUNCEMENT_SHAPE.matcher(text).find()) {
                continue;
            }
            List<Token> sentenceWords = Tokenizer.tokens(text);
            if (!NON_ANNOUNCEMENTS.hitsIn(sentenceWords).isEmpty()) {
                continue;
            }
            for (Sentence clause : clauses.split(sentence)) {
                // Most sentences are one clause: their words are the sentence's, already cut.
                List<Token> words = clause.text().equals(text) ? sentenceWords : Tokenizer.tokens(clause.text());
                initiativeIn(clause, words).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Whether the clause names one of the umbrella nouns, without which {@code UMBRELLA} cannot match:
     * trying the pattern at every position of every clause was a large share of extraction.
     */
    private static boolean mayHoldUmbrella(String clause) {
        String lower = clause.toLowerCase(Locale.ROOT);
        return UMBRELLA_NOUNS.stream().anyMatch(lower::contains);
    }

    /** The initiative the clause announces, if any; {@code clauseWords} are the clause's words. */
    private Optional<FoundInitiative> initiativeIn(Sentence clause, List<Token> clauseWords) {
        // Counts of initiatives ("announce some 70 new initiatives to …") say nothing concrete: blank them out.
        String text = mayHoldUmbrella(clause.text())
                ? UMBRELLA.matcher(clause.text()).replaceAll(m -> " ".repeat(m.group().length())) : clause.text();
        List<Token> words = text.equals(clause.text()) ? clauseWords : Tokenizer.tokens(text);
        List<Gazetteer.Hit> actions = ACTIONS.hitsIn(words);
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        Gazetteer.Hit action = actions.get(0);
        List<Gazetteer.Hit> things = THINGS.hitsIn(words);
        // The thing set up follows its verb ("launching a council"), or precedes it in the passive
        // ("cooperation … will be expanded").
        int head = firstFrom(things, action.end());
        if (head < 0) {
            head = firstFrom(things, Math.max(0, action.start() - LOOK_BEHIND_CHARS));
        }
        if (head < 0) {
            return Optional.empty();
        }
        int headStart = things.get(head).start();
        int headEnd = things.get(head).end();
        // Compound heads: "exploration partner", "research partnerships".
        for (int next = head + 1; next < things.size() && things.get(next).start() == headEnd + 1; next++) {
            headEnd = things.get(next).end();
        }
        return Optional.of(initiative(clause, clauseWords, headStart, headEnd));
    }

    private static int firstFrom(List<Gazetteer.Hit> hits, int offset) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).start() >= offset) {
                return i;
            }
        }
        return -1;
    }

    private FoundInitiative initiative(Sentence clause, List<Token> words, int headStart, int headEnd) {
        String text = clause.text();
        Tags tags = tagger.parties(words);
        return new FoundInitiative(InitiativeTitler.title(text, headStart, headEnd), summaryOf(text), clause,
                tags.countries(), tags.organisations(), tags.topics().isEmpty() ? List.of("other") : tags.topics(),
                StageClassifier.stageOf(words), confidence(words, tags.countries().size() + tags.organisations().size()));
    }

    /** More named parties make a concrete initiative likelier; hedged wording makes it less certain. */
    static double confidence(List<Token> clause, int parties) {
        double confidence = 0.5 + Math.min(parties, 3) * 0.1;
        if (!HEDGES.hitsIn(clause).isEmpty()) {
            confidence -= 0.15;
        }
        return Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100.0;
    }

    /** The clause as one sentence, without a trailing attribution ("…, an official said."). */
    private static String summaryOf(String clause) {
        String summary = ATTRIBUTION.matcher(clause).replaceAll(".");
        summary = QUOTE_MARKS.matcher(summary).replaceAll("").strip();
        if (!summary.endsWith(".")) {
            summary = TRAILING_PUNCTUATION.matcher(summary).replaceAll("") + ".";
        }
        return Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
    }

}
