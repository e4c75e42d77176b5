package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Sentence;
import dev.accord.ingest.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes the clauses that may announce an initiative: a verb that sets something up followed by
 * what it sets up ("will establish the … Network"), the passive ("cooperation … will be expanded"), or a
 * list item that names a deliverable without a verb. Proposing is generous; the classifier decides.
 */
final class CandidateFinder {

    /** How far after its verb the thing set up may start, in words ("launch a new, joint military … council"). */
    private static final int OBJECT_WINDOW = 14;
    /** How far before a passive verb its subject's head may end. */
    private static final int PASSIVE_WINDOW = 10;
    private static final int MIN_WEAK_WORDS = 6;
    private static final Set<String> NOUN_MARKERS = Set.of("a", "an", "the", "its", "their", "our", "his", "her", "this", "that",
            "these", "those", "of", "s", "new", "such", "each", "every", "any", "no");
    private static final Set<String> COORDINATED_AUXILIARIES = Set.of("will", "to", "would", "shall", "also", "plan", "plans");
    private static final Set<String> PASSIVE_AUXILIARIES = Set.of("be", "been", "being", "is", "are", "was", "were");

    private final Tagger tagger;

    CandidateFinder(Tagger tagger) {
        this.tagger = tagger;
    }

    /**
     * The candidates of a clause: the first verb with something set up after it, and each further one
     * coordinated with it ("will establish a council and launch a fund").
     */
    List<Candidate> find(Passage passage, Sentence clause, List<Token> words) {
        List<Gazetteer.Hit> triggers = verbs(Lexicon.TRIGGERS.hitsIn(words), words);
        List<Gazetteer.Hit> things = Lexicon.THINGS.hitsIn(words);
        List<Gazetteer.Hit> parties = new ArrayList<>(tagger.countryHits(words));
        parties.addAll(tagger.organisationHits(words));
        List<Candidate.NamedSpan> runs = Names.runs(clause.text(), clause.start(), words);
        List<Candidate> found = new ArrayList<>();
        int objectEnd = -1;
        for (int t = 0; t < triggers.size(); t++) {
            Gazetteer.Hit trigger = triggers.get(t);
            int triggerWord = wordIndex(words, trigger.start());
            if (objectEnd >= 0 && (trigger.start() < objectEnd || !coordinated(words, triggerWord))) {
                continue;
            }
            Candidate.NamedSpan name = nameAfter(runs, words, parties, trigger, triggerWord);
            if (name == null && t + 1 < triggers.size() && governsNamed(triggers.get(t + 1), triggerWord, words, parties, runs)) {
                // "plan to create the Amber Shield": the name belongs to the verb that follows.
                continue;
            }
            Gazetteer.Hit thing = firstAfter(things, words, trigger.end(), triggerWord + OBJECT_WINDOW);
            if (name != null || thing != null) {
                boolean coordinatedVerb = objectEnd >= 0;
                int objectStart = name != null ? name.start() : thing.start();
                if (coordinatedVerb && clause.text().substring(trigger.end() - clause.start(), objectStart - clause.start()).contains(",")) {
                    continue;
                }
                // A coordinated verb's initiative is evidenced by its own part of the sentence.
                Sentence evidence = coordinatedVerb ? tail(clause, words, triggerWord) : clause;
                found.add(new Candidate(passage, evidence, words, trigger, thing, name != null ? name
                        : nameAround(runs, words, parties, thing)));
                objectEnd = Math.max(name == null ? 0 : name.end(), thing == null ? 0 : thing.end());
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        return single(passage, clause, words, triggers, things, parties, runs).map(List::of).orElse(List.of());
    }

    /**
     * Drops trigger words used as nouns: after an article, a possessive or a number ("the plan", "60 partners",
     * "its launch") a verb form is a noun, and what follows it is not its object.
     */
    static List<Gazetteer.Hit> verbs(List<Gazetteer.Hit> triggers, List<Token> words) {
        List<Gazetteer.Hit> verbs = new ArrayList<>(triggers.size());
        for (Gazetteer.Hit trigger : triggers) {
            int at = wordIndex(words, trigger.start());
            String before = at == 0 ? "" : words.get(at - 1).lower();
            boolean noun = NOUN_MARKERS.contains(before) || !before.isEmpty() && Character.isDigit(before.charAt(0));
            if (!noun) {
                verbs.add(trigger);
            }
        }
        return verbs;
    }

    private static boolean governsNamed(Gazetteer.Hit next, int triggerWord, List<Token> words, List<Gazetteer.Hit> parties,
            List<Candidate.NamedSpan> runs) {
        int nextWord = wordIndex(words, next.start());
        return nextWord - triggerWord <= 3 && nameAfter(runs, words, parties, next, nextWord) != null;
    }

    /** The part of a clause from the "and" before a coordinated verb to the clause's end. */
    private static Sentence tail(Sentence clause, List<Token> words, int verb) {
        int from = verb;
        while (from > 0 && !words.get(from).lower().equals("and") && verb - from < 3) {
            from--;
        }
        int start = words.get(from).start();
        return new Sentence(clause.text().substring(start - clause.start()), start, clause.end());
    }

    /** A verb that starts a coordinated clause: "and" or a comma stands right before it (or before its auxiliary). */
    private static boolean coordinated(List<Token> words, int verb) {
        for (int i = verb - 1; i >= Math.max(0, verb - 3); i--) {
            String word = words.get(i).lower();
            if (word.equals("and") || word.equals("also")) {
                return true;
            }
            if (!COORDINATED_AUXILIARIES.contains(word)) {
                return false;
            }
        }
        return false;
    }

    private Optional<Candidate> single(Passage passage, Sentence clause, List<Token> words, List<Gazetteer.Hit> triggers,
            List<Gazetteer.Hit> things, List<Gazetteer.Hit> parties, List<Candidate.NamedSpan> runs) {
        for (Gazetteer.Hit trigger : triggers) {
            int triggerWord = wordIndex(words, trigger.start());
            if (triggerWord > 0 && PASSIVE_AUXILIARIES.contains(words.get(triggerWord - 1).lower())) {
                Gazetteer.Hit thing = lastBefore(things, words, trigger.start(), triggerWord - PASSIVE_WINDOW);
                if (thing != null) {
                    return Optional.of(new Candidate(passage, clause, words, trigger, thing, nameAround(runs, words, parties, thing)));
                }
            }
        }
        if (passage.listItem() && !things.isEmpty()) {
            Gazetteer.Hit thing = things.get(0);
            return Optional.of(new Candidate(passage, clause, words, null, thing, nameAround(runs, words, parties, thing)));
        }
        // A verb without a known head noun after it ("will collaborate on developing energy technologies"):
        // a weak candidate, which the classifier mostly turns down.
        if (!triggers.isEmpty() && words.size() >= MIN_WEAK_WORDS) {
            Gazetteer.Hit thing = things.isEmpty() ? null : things.get(0);
            Candidate.NamedSpan name = runs.stream().filter(run -> Names.isProgrammeName(run, words, parties, false)).findFirst()
                    .orElse(null);
            return Optional.of(new Candidate(passage, clause, words, triggers.get(0), thing, name));
        }
        return Optional.empty();
    }

    /** A programme name that starts within a few words after the verb ("create the Baltic Sentinel Drone Coalition"). */
    private static Candidate.NamedSpan nameAfter(List<Candidate.NamedSpan> runs, List<Token> words, List<Gazetteer.Hit> parties,
            Gazetteer.Hit trigger, int triggerWord) {
        for (Candidate.NamedSpan run : runs) {
            if (run.start() < trigger.end()) {
                continue;
            }
            int gap = wordIndex(words, run.start()) - triggerWord - 1;
            if (gap > OBJECT_WINDOW) {
                break;
            }
            boolean direct = gap <= 2 && words.subList(triggerWord + 1, triggerWord + 1 + gap).stream()
                    .allMatch(w -> Lexicon.DETERMINERS.contains(w.lower()));
            if (Names.isProgrammeName(run, words, parties, direct)) {
                return run;
            }
        }
        return null;
    }

    /** The programme name that holds the head noun, if the head noun is the end of one. */
    private static Candidate.NamedSpan nameAround(List<Candidate.NamedSpan> runs, List<Token> words, List<Gazetteer.Hit> parties,
            Gazetteer.Hit thing) {
        if (thing == null) {
            return null;
        }
        for (Candidate.NamedSpan run : runs) {
            if (run.start() <= thing.start() && run.end() >= thing.end() && Names.isProgrammeName(run, words, parties, false)) {
                return run;
            }
        }
        return null;
    }

    private static Gazetteer.Hit firstAfter(List<Gazetteer.Hit> hits, List<Token> words, int offset, int lastWord) {
        for (int i = 0; i < hits.size(); i++) {
            Gazetteer.Hit hit = hits.get(i);
            if (hit.start() >= offset) {
                return wordIndex(words, hit.start()) <= lastWord ? compound(hits, i) : null;
            }
        }
        return null;
    }

    /** A compound head ("operations command", "research partnerships") ends at its last head noun. */
    private static Gazetteer.Hit compound(List<Gazetteer.Hit> hits, int first) {
        Gazetteer.Hit head = hits.get(first);
        int last = first;
        while (last + 1 < hits.size() && hits.get(last + 1).start() == hits.get(last).end() + 1) {
            last++;
        }
        return last == first ? head : new Gazetteer.Hit(hits.get(last).key(), head.start(), hits.get(last).end());
    }

    private static Gazetteer.Hit lastBefore(List<Gazetteer.Hit> hits, List<Token> words, int offset, int firstWord) {
        Gazetteer.Hit last = null;
        for (Gazetteer.Hit hit : hits) {
            if (hit.end() <= offset && wordIndex(words, hit.start()) >= firstWord) {
                last = hit;
            }
        }
        return last;
    }

    static int wordIndex(List<Token> words, int offset) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).end() > offset) {
                return i;
            }
        }
        return words.size();
    }
}
