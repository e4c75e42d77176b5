package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stage a clause claims, from the verb that governs the initiative and the words around it:
 * modality ("plan to", "hope"), agreement ("agreed to"), tense ("will establish", "launched") and the
 * verb's own meaning (cancel, suspend, complete, expand, propose). The codebook's §3 in code.
 */
final class StageRules {

    private static final Set<String> FUTURE = Set.of("will", "shall", "ll", "would", "going", "set", "due", "scheduled", "slated");
    private static final Set<String> PROGRESSIVE = Set.of("is", "are", "am");
    private static final Set<String> PERFECT = Set.of("has", "have", "had");
    private static final Set<String> HEDGED = Set.of("may", "might", "could", "likely", "possible", "possibly", "expected",
            "considering", "consider", "mulling", "weighing", "hopes", "hope", "hoped", "hoping",
            // Meaning to, not yet deciding: "wants to build", "aims to", "will seek to", "in discussions to", "look forward to".
            "want", "wants", "wanted", "aim", "aims", "aiming", "seek", "seeks", "seeking", "intent", "forward", "discussions",
            "exploring", "explore", "strive", "pursue");
    private static final int MODALITY_WINDOW = 6;
    // "committed to deepening": the expanding verb within a few words of the committing one.
    private static final int GROWS_WINDOW = 4;
    // "announced today the launch": the noun within a few words of the verb.
    private static final int START_WINDOW = 4;
    private static final Set<String> STARTS = Set.of("launch", "launching", "initiation", "inauguration", "opening", "start");
    private static final Pattern RUNNING = Pattern.compile(
            "(?i)\\b(is|are|was|were|now|already|currently)\\s+(under construction|in effect|under ?way|in place|in force)\\b");

    private StageRules() {
    }

    static String stageOf(Candidate candidate) {
        List<Token> words = candidate.words();
        if (candidate.trigger() == null) {
            return "announced";
        }
        int verb = CandidateFinder.wordIndex(words, candidate.trigger().start());
        String cls = candidate.triggerClass();
        List<Gazetteer.Hit> triggers = CandidateFinder.verbs(Lexicon.TRIGGERS.hitsIn(words.subList(0, verb)), words);
        // A governing verb before the trigger ("agreed to establish", "plans to create", "proposed to set up").
        String governing = triggers.isEmpty() ? null : classOf(triggers.get(triggers.size() - 1));
        boolean infinitive = verb > 0 && words.get(verb - 1).lower().equals("to");
        boolean future = anyBefore(words, verb, FUTURE);
        boolean hedged = anyBefore(words, verb, HEDGED);
        String verbForm = words.get(verb).lower();

        // "has lifted a ban", "reversed the policy": a measure ended.
        if (candidate.triggerLemma().equals("lift") && !future && !infinitive && !hedged) {
            return "cancelled";
        }
        switch (cls) {
            case "cancel":
                // "will scrap the programme" announces the end, as "will establish" announces a start.
                return future ? "announced" : infinitive && governing != null && !governing.equals("agree") ? "planned" : "cancelled";
            case "suspend":
                return "suspended";
            case "complete":
                return future || infinitive || hedged ? "planned" : "completed";
            default:
                break;
        }
        if (governing != null && infinitive) {
            switch (governing) {
                case "agree":
                    return "agreed";
                case "plan":
                    return "planned";
                case "propose":
                    return "proposed";
                case "announce":
                    return "announced";
                default:
                    break;
            }
        }
        // "signed MOUs to explore …", "agreed on a framework seeking to …": the agreement governs, not its purpose.
        if (!triggers.isEmpty() && classOf(triggers.get(0)).equals("agree") && !future && isPast(words, triggers.get(0))) {
            return "agreed";
        }
        if (hedged && !cls.equals("expand")) {
            return "planned";
        }
        boolean progressive = verbForm.endsWith("ing") && verb > 0 && PROGRESSIVE.contains(words.get(verb - 1).lower());
        boolean past = verbForm.endsWith("ed") || anyBefore(words, verb, PERFECT);
        // "is under construction", "is in effect", "currently underway": running now, whatever the verb.
        if (RUNNING.matcher(candidate.clause().text()).find()) {
            return "launched";
        }
        // "announced the launch of …" reports a start, not a plan.
        if (cls.equals("announce") && !future && startsTheThing(words, verb)) {
            return "launched";
        }
        // What has been provided, funded or joined ("has contributed $1 billion", "has reduced VAT") is under way;
        // a pledge or promise in the past is still only a commitment.
        if (cls.equals("commit") && !future && !infinitive && past && !candidate.triggerLemma().equals("commit")
                && governing == null) {
            return "launched";
        }
        // The verb that governs the noun decides: "committed to deepening the partnership" grows it.
        if (cls.equals("commit") && growsAfter(words, verb)) {
            return "expanded";
        }
        switch (cls) {
            case "plan":
                return "planned";
            case "propose":
                return "proposed";
            case "agree":
                return future ? "announced" : "agreed";
            case "expand":
                return "expanded";
            case "announce":
                return "announced";
            case "launch":
                if (future || infinitive) {
                    return "announced";
                }
                boolean done = past || verbForm.equals("began") || verbForm.equals("begun")
                        || verbForm.equals("built") || verbForm.equals("set") || verbForm.equals("made");
                return progressive || done || verbForm.endsWith("ing") && verb == 0 ? "launched" : "announced";
            default:
                return "announced";
        }
    }

    /** "announced the launch of …": what is announced is that it has started. */
    private static boolean startsTheThing(List<Token> words, int verb) {
        for (int i = verb + 1; i < Math.min(words.size(), verb + START_WINDOW); i++) {
            if (STARTS.contains(words.get(i).lower()) && !words.get(i - 1).lower().equals("to")) {
                return true;
            }
        }
        return false;
    }

    /** "committed to deepening", "work together to scale up": an expanding verb right after a committing one. */
    private static boolean growsAfter(List<Token> words, int verb) {
        List<Gazetteer.Hit> after = Lexicon.TRIGGERS.hitsIn(words.subList(verb + 1, Math.min(words.size(), verb + GROWS_WINDOW)));
        return after.stream().anyMatch(hit -> classOf(hit).equals("expand"));
    }

    private static boolean isPast(List<Token> words, Gazetteer.Hit hit) {
        int at = CandidateFinder.wordIndex(words, hit.start());
        String form = words.get(at).lower();
        return form.endsWith("ed") || form.equals("struck") || at > 0 && PERFECT.contains(words.get(at - 1).lower());
    }

    private static String classOf(Gazetteer.Hit hit) {
        return hit.key().substring(0, hit.key().indexOf(':'));
    }

    private static boolean anyBefore(List<Token> words, int verb, Set<String> cues) {
        for (int i = Math.max(0, verb - MODALITY_WINDOW); i < verb; i++) {
            if (cues.contains(words.get(i).lower())) {
                return true;
            }
        }
        return false;
    }
}
