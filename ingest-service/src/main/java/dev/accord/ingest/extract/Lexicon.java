package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The word lists extraction reads: {@code lexicon/*.tsv}, and a few closed sets that are grammar rather than data. */
final class Lexicon {

    /** Verbs that put an initiative in motion, keyed {@code class:lemma}. */
    static final Gazetteer TRIGGERS = Gazetteer.load("lexicon/triggers.tsv", false);
    /** Head nouns of what is set up, keyed by kind. */
    static final Gazetteer THINGS = Gazetteer.load("lexicon/things.tsv", false);
    /** Wording that marks a sentence as something other than an announcement. */
    static final Gazetteer NON_ANNOUNCEMENTS = Gazetteer.load("lexicon/non-announcements.tsv", false);
    static final Gazetteer HEDGES = Gazetteer.load("lexicon/hedges.tsv", false);
    /** Words of fields whose deals are not policy: sport, markets, crime, entertainment. */
    static final Gazetteer FIELDS = Gazetteer.load("lexicon/fields.tsv", false);
    /** Verbs of talk about a commitment: restating, welcoming, discussing, judging, reporting. */
    static final Gazetteer DISCOURSE = Gazetteer.load("lexicon/discourse.tsv", false);
    /** Words that make a subject a company, a party or a body of its own rather than a government. */
    static final Gazetteer NON_STATE = Gazetteer.load("lexicon/non-state.tsv", false);

    static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nt", "t", "neither", "nor", "without", "failed",
            "refused", "refusing", "rejected", "blocked", "denied", "declined", "ruled", "opposed", "against", "halted", "failure",
            "balking", "balked", "unable", "reluctant", "resisting", "resisted");
    static final Set<String> MONTHS_AND_DAYS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec");
    /** Lower-case words that may sit inside a proper name ("Bank of Japan", "Partnership for Global Infrastructure"). */
    static final Set<String> NAME_CONNECTORS = Set.of("of", "for", "and", "on", "the", "in", "de", "to", "&");
    /** Words that open a noun phrase without being part of a name. */
    static final Set<String> ARTICLES = Set.of("a", "an", "the", "its", "their", "his", "her", "our", "this", "that");
    /** Words that may stand between a verb and the name of what it sets up ("create a new Joint …"). */
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "his", "her", "our", "new", "joint",
            "first", "this", "that");

    private Lexicon() {
    }

    static boolean isThingWord(Token word) {
        return !THINGS.keysIn(List.of(word)).isEmpty();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
