package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Proper names of programmes in a clause: runs of capitalised words, hyphen-joined parts and inner
 * connectors ("Mombasa-Accra Vaccine Manufacturing Network", "Partnership for Global Infrastructure
 * and Investment"). A run is a programme's name when it holds a head noun ("… Coalition") or directly
 * follows a verb that sets something up ("create the Amber Shield"); runs that are only countries,
 * organisations or leaders are parties, not names.
 */
final class Names {

    private static final int MAX_NAME_WORDS = 10;

    private Names() {
    }

    /** Capitalised runs of two or more words in the clause, in order. */
    static List<Candidate.NamedSpan> runs(String text, int offset, List<Token> words) {
        List<Candidate.NamedSpan> runs = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!capitalised(words.get(i)) || i == 0 && !continuesCapitalised(words, 0)) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            int j = i + 1;
            while (j < words.size() && j - first < MAX_NAME_WORDS) {
                Token word = words.get(j);
                if (!adjacent(text, offset, words.get(j - 1), word)) {
                    break;
                }
                if (capitalised(word)) {
                    last = j;
                    j++;
                } else if (Lexicon.NAME_CONNECTORS.contains(word.lower()) && j + 1 < words.size() && capitalised(words.get(j + 1))
                        && adjacent(text, offset, word, words.get(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            if (Lexicon.ARTICLES.contains(words.get(first).lower()) && first < last) {
                first++;
            }
            if (last > first) {
                int start = words.get(first).start();
                int end = words.get(last).end();
                runs.add(new Candidate.NamedSpan(text.substring(start - offset, end - offset), start, end));
            }
            i = last + 1;
        }
        return runs;
    }

    /** Whether a capitalised run is the name of a programme rather than of a party, a date or a person. */
    static boolean isProgrammeName(Candidate.NamedSpan run, List<Token> words, List<Gazetteer.Hit> parties,
            boolean followsTrigger) {
        List<Token> inside = words.stream().filter(w -> w.start() >= run.start() && w.end() <= run.end()).toList();
        if (inside.stream().anyMatch(w -> Lexicon.MONTHS_AND_DAYS.contains(w.lower()))) {
            return false;
        }
        boolean headed = Lexicon.isThingWord(inside.get(inside.size() - 1))
                || inside.size() >= 3 && inside.stream().anyMatch(Lexicon::isThingWord);
        if (headed && followsTrigger) {
            // What a verb sets up is a programme even when it is also a known body: "establishing a new Joint Operations Command".
            return true;
        }
        int covered = 0;
        for (Gazetteer.Hit hit : parties) {
            if (hit.start() >= run.start() && hit.end() <= run.end()) {
                covered += hit.end() - hit.start();
            }
        }
        long letters = run.text().chars().filter(Character::isLetter).count();
        if (covered >= letters * 0.8) {
            return false;
        }
        return headed || followsTrigger;
    }

    private static boolean capitalised(Token word) {
        return Character.isUpperCase(word.form().codePointAt(0)) || Character.isDigit(word.form().codePointAt(0))
                && word.form().length() <= 4 && word.form().chars().anyMatch(Character::isLetter);
    }

    private static boolean continuesCapitalised(List<Token> words, int i) {
        return i + 1 < words.size() && capitalised(words.get(i + 1));
    }

    /** Two words belong to one name when only a space or a hyphen stands between them. */
    private static boolean adjacent(String text, int offset, Token left, Token right) {
        String gap = text.substring(left.end() - offset, right.start() - offset);
        return gap.equals(" ") || gap.equals("-") || gap.equals("–") || gap.equals(" & ");
    }
}
