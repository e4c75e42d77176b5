package dev.accord.ingest.extract;

import dev.accord.ingest.tag.Tagger;
import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Sentence;
import dev.accord.ingest.text.Token;
import dev.accord.ingest.text.Tokenizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the initiatives an article reports (docs/extraction.md): rules propose candidate clauses (a
 * verb that sets something up and what it sets up), a maximum-entropy classifier trained on the
 * labelled corpus decides which of them are initiatives, and rules give each its title, parties,
 * stage and topics.
 */
@ApplicationScoped
public class InitiativeExtractor {

    public static final String VERSION = "nlp-1.2";
    /** Probability at and above which a candidate is reported; chosen on the corpus's dev split. */
    public static final double DEFAULT_THRESHOLD = 0.3;

    /** The probability given to a candidate of the textbook shape ({@link CorePattern}). */
    private static final double CORE_PROBABILITY = 0.9;

    private static final Pattern ATTRIBUTION = Pattern.compile("(?i),\\s*(an?|the|one|two|three)?\\s*(senior )?(administration )?"
            + "(official|officials|spokesperson|spokesman|spokeswoman)\\s+said\\.?$");
    private static final Pattern DATELINE = Pattern.compile("^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)?),\\s");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:]$");
    /** A coordinated clause's own evidence starts at its "and" ("and launch a fund …"). */
    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?i)(and|also)\\s+");
    private static final Pattern BULLET_MARK = Pattern.compile("^\\s*(?:[•·▪●◦‣*–-]|\\d{1,2}[.)])\\s+");

    /** A candidate with what the classifier saw and said; {@code probability} is NaN without a model. */
    public record Scored(FoundInitiative initiative, String[] features, double probability) {

        /** A count of initiatives ("some 70 new initiatives") is not one of them. */
        boolean umbrella() {
            return List.of(features).contains("umbrella") && !List.of(features).contains("named");
        }
    }

    private final Tagger tagger;
    private final ClauseSplitter clauses;
    private final CandidateFinder finder;
    private final InitiativeClassifier classifier;
    private final double threshold;

    @Inject
    public InitiativeExtractor(Tagger tagger, ClauseSplitter clauses) {
        this(tagger, clauses, InitiativeClassifier.shipped(), DEFAULT_THRESHOLD);
    }

    /** An extractor with another model (or none, to collect training features) and threshold. */
    public InitiativeExtractor(Tagger tagger, ClauseSplitter clauses, InitiativeClassifier classifier, double threshold) {
        this.tagger = tagger;
        this.clauses = clauses;
        this.finder = new CandidateFinder(tagger);
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /** Loads the sentence model and the classifier at start-up, not on the first article. */
    void warmUp(@Observes StartupEvent started) {
        EnglishModels.warm();
    }

    public List<FoundInitiative> extract(String text) {
        List<FoundInitiative> found = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (Scored scored : candidates(text)) {
            // A later sentence that names the same programme adds detail; it is not a second initiative.
            if (scored.probability() >= threshold && !isBare(scored.initiative().title()) && !scored.umbrella()
                    && titles.add(scored.initiative().title().toLowerCase(Locale.ROOT))) {
                found.add(scored.initiative());
            }
        }
        return found;
    }

    /**
     * A title that is only a head noun ("Alliance", "Deal", "New agreement") names nothing: the codebook
     * counts such a mention as a reference back or as no initiative at all.
     */
    static boolean isBare(String title) {
        List<Token> words = Tokenizer.tokens(title);
        return words.stream().filter(w -> !Lexicon.DETERMINERS.contains(w.lower())).count() <= 1
                && words.stream().allMatch(w -> Lexicon.DETERMINERS.contains(w.lower()) || Lexicon.isThingWord(w));
    }

    /** Every candidate clause of the text, in order, with its features and probability. */
    public List<Scored> candidates(String text) {
        List<Token> articleWords = Tokenizer.tokens(text);
        String field = Features.fieldOf(articleWords);
        List<String> articleTopics = ordered(tagger.rankedTopics(articleWords));
        Context context = new Context(dominantCountry(tagger.countryHits(articleWords)));
        List<Scored> scored = new ArrayList<>();
        List<Passage> passages = Segmenter.passages(text);
        String shape = Features.shapeOf(passages);
        for (Passage passage : passages) {
            List<Token> sentenceWords = Tokenizer.tokens(passage.sentence().text());
            for (Sentence clause : clauses.split(passage.sentence())) {
                List<Token> words = clause.text().equals(passage.sentence().text()) ? sentenceWords : Tokenizer.tokens(clause.text());
                rebase(words, clause.start());
                finder.find(passage, clause, words).forEach(candidate -> scored.add(score(candidate, field, shape, articleTopics, context)));
            }
            List<Gazetteer.Hit> countries = tagger.countryHits(sentenceWords);
            List<Gazetteer.Hit> triggers = Lexicon.TRIGGERS.hitsIn(sentenceWords);
            int verb = triggers.isEmpty() ? Integer.MAX_VALUE : triggers.get(0).start();
            List<String> subjects = new ArrayList<>(dateline(passage.sentence().text()));
            subjects.addAll(Parties.subjectCountries(sentenceWords, countries, verb));
            context.read(countries.stream().map(Gazetteer.Hit::key).distinct().toList(), subjects.stream().distinct().toList());
        }
        return scored;
    }

    /**
     * The country the article names most, when it is named at least twice as often as any other: a
     * report on British policy that never says "Britain" in its subjects is still about Britain.
     */
    static List<String> dominantCountry(List<Gazetteer.Hit> hits) {
        Map<String, Integer> counts = new HashMap<>();
        hits.forEach(hit -> counts.merge(hit.key(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> ranked = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).toList();
        if (ranked.isEmpty() || ranked.size() > 1 && ranked.get(1).getValue() * 2 > ranked.get(0).getValue()) {
            return List.of();
        }
        return List.of(ranked.get(0).getKey());
    }

    private Scored score(Candidate candidate, String field, String shape, List<String> articleTopics, Context context) {
        List<Gazetteer.Hit> countryHits = tagger.countryHits(candidate.words());
        List<Gazetteer.Hit> organisationHits = tagger.organisationHits(candidate.words());
        List<String> countries = Parties.countries(candidate, countryHits, organisationHits, context);
        List<String> organisations = Parties.organisations(candidate, organisationHits);
        List<String> topics = topicsOf(candidate, articleTopics);
        boolean countryInSubject = candidate.trigger() != null
                && countryHits.stream().anyMatch(h -> h.end() <= candidate.trigger().start());
        String[] features = Features.of(candidate, field, shape, tagger.topics(candidate.words()), countryHits.size(),
                organisationHits.size(), countryInSubject);
        double probability = classifier == null ? Double.NaN : classifier.probability(features);
        if (CorePattern.matches(new HashSet<>(List.of(features)))) {
            probability = Double.isNaN(probability) ? probability : Math.max(probability, CORE_PROBABILITY);
        }
        FoundInitiative initiative = new FoundInitiative(titleOf(candidate), summaryOf(candidate.clause().text()), candidate.clause(),
                countries, organisations, topics, StageRules.stageOf(candidate),
                Double.isNaN(probability) ? 0 : Math.round(probability * 100) / 100.0);
        return new Scored(initiative, features, probability);
    }

    /**
     * Topics of the clause. Where it names none, or only diplomacy (the topic of relations in general,
     * which "partnership" alone brings in), what it does is read from its section heading, else from the
     * article's main topic: a grid partnership in an energy article is energy-climate.
     */
    private List<String> topicsOf(Candidate candidate, List<String> articleTopics) {
        List<String> topics = ordered(tagger.topics(candidate.words()));
        if (topics.isEmpty() || topics.equals(List.of("diplomacy"))) {
            List<String> context = candidate.passage().heading() == null ? List.of()
                    : ordered(tagger.topics(Tokenizer.tokens(candidate.passage().heading())));
            if (context.isEmpty() || context.equals(List.of("diplomacy"))) {
                context = articleTopics;
            }
            Set<String> merged = new LinkedHashSet<>();
            context.stream().filter(t -> !t.equals("diplomacy")).findFirst().ifPresent(merged::add);
            merged.addAll(topics);
            topics = List.copyOf(merged);
        }
        return topics.isEmpty() ? List.of("other") : topics;
    }

    /** Diplomacy last: it is the topic of relations in general, the others say what an initiative does. */
    private static List<String> ordered(List<String> topics) {
        if (topics.size() < 2 || !topics.contains("diplomacy")) {
            return topics;
        }
        Set<String> reordered = new LinkedHashSet<>(topics);
        reordered.remove("diplomacy");
        reordered.add("diplomacy");
        return List.copyOf(reordered);
    }

    private static String titleOf(Candidate candidate) {
        Sentence clause = candidate.clause();
        if (candidate.name() != null) {
            return Titles.ofName(candidate.name().text());
        }
        Optional<String> leadIn = Titles.leadIn(candidate.passage().sentence().text());
        if (leadIn.isPresent()) {
            return leadIn.get();
        }
        String phrase = candidate.thing() == null ? ""
                : Titles.title(clause.text(), candidate.thing().start() - clause.start(), candidate.thing().end() - clause.start());
        if ((phrase.isEmpty() || isBare(phrase)) && candidate.trigger() != null) {
            return Titles.verbPhrase(clause.text(), candidate.trigger().start() - clause.start());
        }
        return phrase.isEmpty() ? Titles.verbPhrase(clause.text(), 0) : phrase;
    }

    /** The clause as one sentence, without a bullet mark, a leading "and" or a trailing attribution ("…, an official said."). */
    private static String summaryOf(String clause) {
        String summary = LEADING_CONJUNCTION.matcher(BULLET_MARK.matcher(clause).replaceFirst("")).replaceFirst("");
        summary = ATTRIBUTION.matcher(summary).replaceAll(".");
        summary = QUOTE_MARKS.matcher(summary).replaceAll("").strip();
        if (summary.isEmpty()) {
            summary = clause.strip();
        }
        if (!summary.endsWith(".")) {
            summary = TRAILING_PUNCTUATION.matcher(summary).replaceAll("") + ".";
        }
        return Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
    }

    /**
     * The country of a wire dateline ("PARIS, March 6 - The government plans …"): where the story is filed
     * is whose government "the government" is.
     */
    private List<String> dateline(String sentence) {
        Matcher matcher = DATELINE.matcher(sentence);
        if (!matcher.lookingAt()) {
            return List.of();
        }
        String place = matcher.group(1);
        String titled = Character.toUpperCase(place.charAt(0)) + place.substring(1).toLowerCase(Locale.ROOT);
        return tagger.countryHits(Tokenizer.tokens(titled)).stream().map(Gazetteer.Hit::key).distinct().toList();
    }

    /** Token offsets relative to the clause become offsets in the article, as hits and names use. */
    private static void rebase(List<Token> words, int offset) {
        if (offset == 0) {
            return;
        }
        words.replaceAll(w -> new Token(w.form(), w.lower(), w.start() + offset, w.end() + offset));
    }
}
