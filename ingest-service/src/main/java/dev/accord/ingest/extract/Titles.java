package dev.accord.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an initiative after the thing it sets up: the noun phrase around the initiative noun
 * ("integrated air defense network", "military-industrial council to co-align and co-produce
 * defense weapons"), not the whole sentence.
 */
final class InitiativeTitler {

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
    /** Punctuation that ends the complement after the head noun. */
    private static final Pattern COMPLEMENT_END = Pattern.compile("[,;:—–()\"“”]|\\s-\\s");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.’']+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.’'-]*");

    private InitiativeTitler() {
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
            title.addAll(complement.subList(0, Math.min(complement.size(), MAX_COMPLEMENT_WORDS)));
        }
        while (title.size() > 1 && LEFT_STOPS.contains(title.get(title.size() - 1).toLowerCase(Locale.ROOT))) {
            title.remove(title.size() - 1);
        }
        String joined = TRAILING_DOTS.matcher(String.join(" ", title.subList(0, Math.min(title.size(), MAX_WORDS)))).replaceAll("");
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
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
