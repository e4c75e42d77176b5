package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who an initiative's parties are (codebook §2): the actors in the subject of its verb and those it is
 * done with ("link up with Australia", "between Kenya and Ghana", "together with NATO"). A country
 * that is only mentioned after the verb — a place, a beneficiary, the threat it answers ("following
 * Chinese hacking") — is not a party. "The two countries", "both nations", "the allies" stand for the
 * countries the text was just about.
 */
final class Parties {

    /** Words after the verb that bring in a co-actor. */
    private static final Set<String> WITH = Set.of("with", "between", "alongside", "among", "including", "and", "joined",
            "by", "plus", "partners", "partner");
    /** Words that make what follows a threat, a cause or a place rather than an actor. */
    private static final Set<String> NOT_ACTOR = Set.of("following", "after", "amid", "against", "over", "despite", "counter",
            "countering", "deter", "deterring", "from", "to", "in", "on", "at", "into", "across", "about", "toward", "towards",
            "of", "for", "than", "like", "such", "near", "around", "off", "beyond", "within");
    /** Harm nouns after a demonym: "Chinese hacking", "Russian aggression". */
    private static final Set<String> HARMS = Set.of("hacking", "hackers", "aggression", "threat", "threats", "attack", "attacks",
            "invasion", "coercion", "cyberattack", "cyberattacks", "espionage", "incursions", "incursion", "interference",
            "military", "forces", "missiles", "influence", "expansionism", "pressure", "dumping", "overcapacity", "war", "wars",
            "aggressions", "occupation", "bombing", "strikes", "sanctions", "regime", "nuclear", "programme", "program",
            "threatening", "destabilizing", "destabilising", "troops");
    private static final Pattern GROUP = Pattern.compile("(?i)\\b(the two|both|the three|all three|the four|the)\\s+"
            + "(countries|nations|governments|leaders|sides|allies|partners|neighbours|neighbors|states|democracies|economies|capitals|pair)\\b"
            + "|\\bthe allies\\b|\\bthe two\\b|\\bthey\\b|\\bthe pair\\b|\\bboth\\b");
    /** A subject that is the text's own authors: "we", "our countries", "the leaders", "participants". */
    private static final Pattern AUTHORS = Pattern.compile("(?i)^(\\W*\\w+\\W+){0,6}?(we|our (countries|nations|governments)|the leaders|leaders|"
            + "the participants|participants|the signatories|partners|the partners)\\b");
    private static final Pattern SINGLE = Pattern.compile("(?i)^(the )?(country|government|nation|kingdom|republic|administration|ministry"
            + "|it|officials|the state)\\b|\\b(the|his|her|its|their) (country|government|administration|ministry|cabinet|parliament)\\b");
    /** How far back, in words before a country in the object, a co-actor word may stand. */
    private static final int WITH_WINDOW = 4;

    private Parties() {
    }

    /** Party countries of a candidate, given the countries named in the clause and what the text was about before it. */
    static List<String> countries(Candidate candidate, List<Gazetteer.Hit> countries, List<Gazetteer.Hit> organisations,
            Context context) {
        List<Token> words = candidate.words();
        int verb = candidate.trigger() == null ? 0 : CandidateFinder.wordIndex(words, candidate.trigger().start());
        Set<String> parties = new LinkedHashSet<>();
        for (Gazetteer.Hit hit : countries) {
            int at = CandidateFinder.wordIndex(words, hit.start());
            if (isHarmed(words, hit) || afterNotActor(words, at, verb)) {
                continue;
            }
            if (at < verb || candidate.trigger() == null && candidate.thing() != null
                    && at < CandidateFinder.wordIndex(words, candidate.thing().start())) {
                parties.add(hit.key());
            } else if (coActor(words, at, verb)) {
                parties.add(hit.key());
            }
        }
        String subject = candidate.clause().text().substring(0,
                candidate.trigger() == null ? 0 : Math.max(0, candidate.trigger().start() - candidate.clause().start()));
        if (parties.isEmpty() && AUTHORS.matcher(subject).find()) {
            parties.addAll(context.principals());
        } else if (GROUP.matcher(subject).find() && parties.size() < 2) {
            parties.addAll(context.recentGroup());
        } else if (parties.isEmpty() && SINGLE.matcher(subject.strip()).find()) {
            parties.addAll(context.recentSingle());
        }
        if (parties.isEmpty() && !namesNonState(subject, words, organisations, candidate)) {
            parties.addAll(context.principals());
        }
        return List.copyOf(parties);
    }

    /** Whether a subject refers to actors named before or to the text's authors: "the two countries", "we", "the leaders". */
    static boolean refersToGroup(String subject) {
        return GROUP.matcher(subject).find() || AUTHORS.matcher(subject).find();
    }

    /** Party organisations: those named in the clause that are not the threat or the place. */
    static List<String> organisations(Candidate candidate, List<Gazetteer.Hit> organisations) {
        List<Token> words = candidate.words();
        int verb = candidate.trigger() == null ? 0 : CandidateFinder.wordIndex(words, candidate.trigger().start());
        Set<String> parties = new LinkedHashSet<>();
        for (Gazetteer.Hit hit : organisations) {
            int at = CandidateFinder.wordIndex(words, hit.start());
            if (at < verb && !afterNotActor(words, at, verb) || coActor(words, at, verb)) {
                parties.add(hit.key());
            }
        }
        return new ArrayList<>(parties);
    }

    /**
     * Whether the subject names an actor that is not a government: an organisation of the dictionary ("The
     * European Commission will …", "the IMF is to …") or a company ("Hikma Pharmaceuticals announced …").
     * A minister, a president or "the Order" acts for the article's country and takes its fallback.
     */
    private static boolean namesNonState(String subject, List<Token> words, List<Gazetteer.Hit> organisations, Candidate candidate) {
        int end = candidate.clause().start() + subject.length();
        if (organisations.stream().anyMatch(hit -> hit.start() < end)) {
            return true;
        }
        return Lexicon.NON_STATE.hitsIn(words).stream().anyMatch(hit -> hit.start() < end);
    }

    private static boolean isHarmed(List<Token> words, Gazetteer.Hit hit) {
        int next = CandidateFinder.wordIndex(words, hit.end());
        if (next < words.size() && words.get(next).lower().equals("s")) {
            next++; // "Russia’s invasion"
        }
        return next < words.size() && HARMS.contains(words.get(next).lower());
    }

    /**
     * The countries acting in a sentence's subject, before its first verb: not a threat ("Putin’s war"),
     * not the object of a preposition ("attacks on Ukraine"). What the article is about is read from these.
     */
    static List<String> subjectCountries(List<Token> words, List<Gazetteer.Hit> countries, int firstVerbStart) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Gazetteer.Hit hit : countries) {
            int at = CandidateFinder.wordIndex(words, hit.start());
            if (hit.end() <= firstVerbStart && !isHarmed(words, hit) && !afterNotActor(words, at, words.size())) {
                subjects.add(hit.key());
            }
        }
        return List.copyOf(subjects);
    }

    /** Whether a prepositional word stands right before the mention, in the subject's fronted phrase. */
    private static boolean afterNotActor(List<Token> words, int at, int verb) {
        if (at >= verb) {
            return false;
        }
        int reach = Math.max(0, at - 2);
        for (int i = at - 1; i >= reach; i--) {
            String word = words.get(i).lower();
            if ((word.equals("and") || word.equals("or")) && i > 0 && Character.isUpperCase(words.get(i - 1).form().charAt(0))) {
                // The second of two conjoined names shares the first's preposition: "attacks on Ukraine and Moldova".
                reach = Math.max(0, i - 1 - 2);
                continue;
            }
            if (Lexicon.MONTHS_AND_DAYS.contains(word) || Character.isDigit(word.charAt(0))) {
                // A fronted date ("On Tuesday Kenya and Ghana launched …"): what follows it is the subject.
                return false;
            }
            if (NOT_ACTOR.contains(word) && !word.equals("of")) {
                return true;
            }
        }
        return false;
    }

    /** A mention after the verb is a party only when a co-actor word leads to it ("with Australia", "between X and Y"). */
    private static boolean coActor(List<Token> words, int at, int verb) {
        if (at <= verb) {
            return false;
        }
        for (int i = at - 1; i >= Math.max(verb + 1, at - WITH_WINDOW); i--) {
            String word = words.get(i).lower();
            if (WITH.contains(word)) {
                return !word.equals("and") || i > 0 && coActor(words, i, verb);
            }
            if (NOT_ACTOR.contains(word)) {
                return false;
            }
        }
        return false;
    }
}
