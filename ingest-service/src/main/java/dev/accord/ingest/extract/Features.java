package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Token;
import dev.accord.ingest.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The features the initiative classifier weighs for a candidate (documented in docs/extraction.md §9):
 * the verb's class and form, what is set up, its name, the modality and negation around the verb,
 * who the subject is, the field the clause and the article belong to, and where the sentence stands.
 */
final class Features {

    private static final Pattern QUOTED = Pattern.compile("^[\"“”‘']|[“”\"]\\s*$");
    private static final Pattern ATTRIBUTED = Pattern.compile("(?i)\\b(said|says|told|according to|added)\\b");
    private static final Pattern PAST_YEAR = Pattern.compile("(?i)\\b(in|since|from|during|until|on)\\s+(the\\s+)?(early\\s+|late\\s+|mid-)?([A-Z][a-z]+\\s+(\\d{1,2},?\\s+)?)?(19|20)\\d\\d");
    private static final Pattern TARGET_YEAR = Pattern.compile("(?i)\\b(by|until|through|before)\\s+(the\\s+)?(early\\s+|end of\\s+)?(19|20)\\d\\d");
    private static final Pattern MONEY = Pattern.compile("(?i)[$€£¥]\\s?\\d|\\b\\d[\\d.,]*\\s*(million|billion|trillion|bn|m)\\b");
    private static final Pattern UMBRELLA = Pattern.compile("(?i)\\b(\\d+|dozens of|a series of|several|some \\d+|a number of)\\s+(new\\s+)?"
            + "(initiatives|announcements|measures|steps|agreements|deals|deliverables)\\b");
    private static final Pattern CONDITIONAL = Pattern.compile("(?i)^(if|unless|should|once|whether)\\b");
    private static final Pattern OFFICIAL = Pattern.compile("\\b(President|Prime Minister|Minister|Secretary|Chancellor|Government|"
            + "government|Administration|administration|Ministry|ministry|Department|Agency|Commission|Council|Leaders|leaders|officials)\\b");
    private static final int MAX_WORD_FEATURES = 40;
    private static final int MIN_LIST_PASSAGES = 6;
    /** One passage in four an item makes a list-shaped document. */
    private static final int LIST_SHARE_DENOMINATOR = 4;
    /** Features weighed separately in list-shaped and prose documents. */
    private static final List<String> PER_SHAPE = List.of("cls=", "form=", "subj=", "future", "perfect", "attributed", "quoted",
            "list-item", "lead-in", "named", "gap=", "no-object", "official", "discourse=");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("we", "they", "it", "he", "she", "i", "you");
    private static final Set<String> FUTURE = Set.of("will", "shall", "ll", "would", "going");
    private static final Set<String> PERFECT = Set.of("has", "have", "had");

    private Features() {
    }

    /** The dominant field of a whole article (sport, markets, crime, entertainment), if one stands out. */
    static String fieldOf(List<Token> articleWords) {
        List<Gazetteer.Hit> hits = Lexicon.FIELDS.hitsIn(articleWords);
        Map<String, Integer> counts = new HashMap<>();
        hits.forEach(h -> counts.merge(h.key(), 1, Integer::sum));
        counts.remove("history");
        return counts.entrySet().stream().filter(e -> e.getValue() >= 4 && e.getValue() * 1000 >= articleWords.size() * 8)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    }

    /**
     * The article's shape: "list" when many of its passages are list items or "Heading: text" items (a fact
     * sheet, a communiqué), else "prose" (a news story). The two announce in different ways, and the
     * classifier weighs some features per shape.
     */
    static String shapeOf(List<Passage> passages) {
        long items = passages.stream().filter(p -> p.listItem() || Titles.leadIn(p.sentence().text()).isPresent()).count();
        return passages.size() >= MIN_LIST_PASSAGES && items * LIST_SHARE_DENOMINATOR >= passages.size() ? "list" : "prose";
    }

    static String[] of(Candidate c, String articleField, String shape, List<String> topics, int countries, int organisations,
            boolean countryInSubject) {
        List<String> f = new ArrayList<>();
        List<Token> words = c.words();
        String text = c.clause().text();
        String sentence = c.passage().sentence().text();
        String cls = c.triggerClass();
        f.add("cls=" + cls);
        f.add("lemma=" + c.triggerLemma());
        f.add("thing=" + (c.thing() == null ? "none" : c.thing().key()));
        f.add("head=" + (c.thing() == null ? "none" : Lexicon.lower(text.substring(c.thing().start() - c.clause().start(),
                c.thing().end() - c.clause().start()))));
        f.add("cls=" + cls + "&thing=" + (c.thing() == null ? "none" : c.thing().key()));
        if (c.name() != null) {
            f.add("named");
            f.add("named&cls=" + cls);
        }
        int verb = c.trigger() == null ? -1 : CandidateFinder.wordIndex(words, c.trigger().start());
        if (verb >= 0) {
            String form = words.get(verb).lower();
            int object = c.thing() != null ? CandidateFinder.wordIndex(words, c.thing().start())
                    : c.name() != null ? CandidateFinder.wordIndex(words, c.name().start()) : -1;
            int gap = object - verb;
            f.add(object < 0 ? "no-object" : gap < 0 ? "passive" : gap > 14 ? "gap=weak" : gap <= 3 ? "gap=near" : gap <= 7 ? "gap=mid" : "gap=far");
            f.add(form.endsWith("ing") ? "form=ing" : form.endsWith("ed") ? "form=ed" : form.endsWith("s") ? "form=s" : "form=base");
            f.add("verbpos=" + (verb == 0 ? "first" : verb <= 3 ? "early" : verb <= 10 ? "mid" : "late"));
            boolean future = false;
            boolean negated = false;
            for (int i = Math.max(0, verb - 5); i < verb; i++) {
                String w = words.get(i).lower();
                future |= FUTURE.contains(w);
                negated |= Lexicon.NEGATIONS.contains(w);
                if (PERFECT.contains(w)) {
                    // "has imposed" reports news; "had imposed" tells the background to it.
                    f.add(w.equals("had") ? "pluperfect" : "perfect");
                }
            }
            if (verb > 0 && words.get(verb - 1).lower().equals("to")) {
                f.add("infinitive");
            }
            if (future) {
                f.add("future");
                f.add("future&cls=" + cls);
            }
            if (negated) {
                f.add("negated");
            }
            List<Gazetteer.Hit> before = CandidateFinder.verbs(Lexicon.TRIGGERS.hitsIn(words.subList(0, verb)), words);
            if (!before.isEmpty()) {
                String pre = before.get(before.size() - 1).key();
                f.add("pre=" + pre.substring(0, pre.indexOf(':')));
            }
            if (verb > 0 && SUBJECT_PRONOUNS.contains(words.get(0).lower())) {
                f.add("subj=pronoun:" + words.get(0).lower());
            }
        }
        if (countryInSubject) {
            f.add("subj=country");
        }
        if (verb > 0 && Parties.refersToGroup(text.substring(0, c.trigger().start() - c.clause().start()))) {
            f.add("subj=group");
        }
        f.add("countries=" + Math.min(countries, 3));
        f.add("orgs=" + Math.min(organisations, 2));
        for (Gazetteer.Hit hit : Lexicon.NON_ANNOUNCEMENTS.hitsIn(Tokenizer.tokens(sentence))) {
            f.add("nonann=" + hit.key());
        }
        if (!Lexicon.HEDGES.hitsIn(words).isEmpty()) {
            f.add("hedged");
        }
        for (Gazetteer.Hit hit : Lexicon.DISCOURSE.hitsIn(words)) {
            f.add("discourse=" + hit.key());
        }
        if (OFFICIAL.matcher(text).find()) {
            f.add("official");
        }
        if (Titles.leadIn(sentence).isPresent()) {
            f.add("lead-in");
        }
        // The clause's words themselves: with a few hundred labelled documents, cue words the lists miss.
        words.stream().limit(MAX_WORD_FEATURES).map(w -> "w=" + w.lower()).distinct().forEach(f::add);
        for (Gazetteer.Hit hit : Lexicon.FIELDS.hitsIn(words)) {
            f.add("field=" + hit.key());
        }
        f.add("article=" + articleField);
        if (QUOTED.matcher(sentence).find()) {
            f.add("quoted");
        }
        if (ATTRIBUTED.matcher(sentence).find()) {
            f.add("attributed");
        }
        if (PAST_YEAR.matcher(text).find()) {
            // A year is history only when the verb is in the past: "return it to China in 1999" looks ahead.
            boolean pastVerb = verb >= 0 && (words.get(verb).lower().endsWith("ed") || f.contains("pluperfect"));
            f.add(pastVerb ? "past-year" : "year");
        }
        if (TARGET_YEAR.matcher(text).find()) {
            f.add("target-year");
        }
        if (MONEY.matcher(text).find()) {
            f.add("money");
        }
        if (UMBRELLA.matcher(text).find()) {
            f.add("umbrella");
        }
        if (CONDITIONAL.matcher(sentence).find()) {
            f.add("conditional");
        }
        if (sentence.endsWith("?")) {
            f.add("question");
        }
        if (c.passage().listItem()) {
            f.add("list-item");
        }
        if (c.passage().heading() != null) {
            f.add("under-heading");
        }
        f.add("para=" + Math.min(c.passage().paragraph(), 4));
        int n = words.size();
        f.add("len=" + (n <= 8 ? "short" : n <= 20 ? "mid" : n <= 40 ? "long" : "very-long"));
        f.add("topic=" + (topics.isEmpty() ? "none" : topics.get(0)));
        f.add("shape=" + shape);
        for (String feature : List.copyOf(f)) {
            if (PER_SHAPE.stream().anyMatch(feature::startsWith)) {
                f.add(shape + "&" + feature);
            }
        }
        return f.toArray(String[]::new);
    }
}
