package dev.accord.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an initiative (codebook §4): by the programme's own name when it has one ("Baltic Sentinel
 * Drone Coalition"); otherwise after the thing it sets up, the noun phrase around the head noun
 * ("integrated air defense network", "military-industrial council to co-align and co-produce defense
 * weapons"), without the dates and places that trail it ("… on Thursday", "… to Lithuania").
 */
final class Titles {

    private static final int MAX_WORDS = 12;
    private static final int MAX_MODIFIERS = 5;
    private static final int MAX_COMPLEMENT_WORDS = 7;
    /** Words that end a noun phrase when reading leftwards from its head noun. */
    private static final Set<String> LEFT_STOPS = Set.of("a", "an", "the", "of", "to", "for", "with", "and", "or", "on",
            "in", "by", "be", "is", "are", "was", "were", "will", "its", "their", "his", "her", "our", "some", "that",
            "this", "these", "those", "as", "at", "from", "into", "made", "has", "have", "also");
    /** Prepositions that start a complement worth keeping ("council to co-produce weapons", "partnerships on AI"). */
    private static final Set<String> COMPLEMENTS = Set.of("to", "on", "for", "between", "with", "in");
    /** Verbs end a noun phrase too ("announce new research partnerships"). */
    private static final Pattern VERB = Pattern.compile("(?i)(announce[sd]?|launch(es|ed)?|create[sd]?|provide[sd]?|offer(s|ed)?"
            + "|expand(s|ed)?|deepen(s|ed)?|sign(s|ed)?|form(s|ed)?|build|fund|join(s|ed)?|lift(s|ed)?|improve[sd]?)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Words after which a complement no longer describes the thing. */
    private static final Set<String> TRAILING = Set.of("next", "last", "this", "by", "after", "before", "when", "which", "that",
            "who", "as", "while", "said", "says", "year", "week", "month", "today", "tomorrow", "yesterday", "earlier", "later",
            "within", "from", "at");
    /** Punctuation that ends the complement after the head noun. */
    private static final Pattern COMPLEMENT_END = Pattern.compile("[,;:—–()\"“”]|\\s-\\s");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.’']+$");
    /** "Title Case Words: the sentence", after an optional bullet mark. */
    private static final Pattern LEAD_IN = Pattern.compile("^\\s*(?:[•·▪●◦‣*–-]\\s+)?([A-Z][^:.;]{2,100}?):\\s+\\S");
    private static final Set<String> GENERIC_LEAD_INS = Set.of("for example", "for instance", "in addition", "background",
            "note", "update", "today", "specifically", "additionally", "moreover", "as a result");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.’'-]*");

    private Titles() {
    }

    static String title(String clause, int headStart, int headEnd) {
        List<String> left = new ArrayList<>();
        List<String> before = words(clause.substring(0, headStart));
        for (int i = before.size() - 1; i >= 0 && left.size() < MAX_MODIFIERS; i--) {
            String word = before.get(i);
            if (LEFT_STOPS.contains(word.toLowerCase(Locale.ROOT)) || word.endsWith("ing") || NUMBER.matcher(word).matches()
                    || VERB.matcher(word).matches()) {
                break;
            }
            left.add(0, word);
        }
        List<String> title = new ArrayList<>(left);
        title.add(clause.substring(headStart, headEnd));
        String after = COMPLEMENT_END.split(clause.substring(headEnd), 2)[0];
        List<String> complement = words(after);
        if (!complement.isEmpty() && COMPLEMENTS.contains(complement.get(0).toLowerCase(Locale.ROOT))) {
            title.addAll(trimmed(complement.subList(0, Math.min(complement.size(), MAX_COMPLEMENT_WORDS))));
        }
        while (title.size() > 1 && LEFT_STOPS.contains(title.get(title.size() - 1).toLowerCase(Locale.ROOT))) {
            title.remove(title.size() - 1);
        }
        String joined = TRAILING_DOTS.matcher(String.join(" ", title.subList(0, Math.min(title.size(), MAX_WORDS)))).replaceAll("");
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /**
     * The lead-in of a fact-sheet item, which is its title: "Partnership for Democratic Development: USAID
     * plans to provide …" is titled "Partnership for Democratic Development".
     */
    static Optional<String> leadIn(String sentence) {
        Matcher matcher = LEAD_IN.matcher(sentence);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        String lead = matcher.group(1).strip();
        int words = lead.split("\\s+").length;
        return words >= 2 && words <= MAX_WORDS && !GENERIC_LEAD_INS.contains(lead.toLowerCase(Locale.ROOT))
                ? Optional.of(lead) : Optional.empty();
    }

    /** A title from the verb on, where the clause names no head noun: "Collaborate on critical energy technologies". */
    static String verbPhrase(String clause, int verbStart) {
        String rest = COMPLEMENT_END.split(clause.substring(verbStart), 2)[0];
        List<String> phrase = words(rest);
        List<String> kept = phrase.subList(0, Math.min(phrase.size(), MAX_COMPLEMENT_WORDS + 1));
        while (kept.size() > 1 && LEFT_STOPS.contains(kept.get(kept.size() - 1).toLowerCase(Locale.ROOT))) {
            kept = kept.subList(0, kept.size() - 1);
        }
        String joined = TRAILING_DOTS.matcher(String.join(" ", kept)).replaceAll("");
        return joined.isEmpty() ? clause.strip() : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** A programme's own name, without a possessive or closing punctuation. */
    static String ofName(String name) {
        return TRAILING_DOTS.matcher(name.replaceAll("[’']s$", "")).replaceAll("").strip();
    }

    /**
     * The complement up to where it stops describing the thing: a date ("on Thursday", "next year", "by
     * 2030"), a destination or venue ("to Lithuania", "in Brussels"), a relative clause or an attribution.
     */
    private static List<String> trimmed(List<String> complement) {
        for (int i = 0; i < complement.size(); i++) {
            String word = complement.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean place = COMPLEMENTS.contains(lower) && i + 1 < complement.size()
                    && Character.isUpperCase(complement.get(i + 1).charAt(0)) && !lower.equals("between") && !lower.equals("with");
            if (TRAILING.contains(lower) || Lexicon.MONTHS_AND_DAYS.contains(lower) || NUMBER.matcher(word).matches() || place) {
                return complement.subList(0, i);
            }
        }
        return complement;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
