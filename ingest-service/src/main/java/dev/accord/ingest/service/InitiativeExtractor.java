package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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

    private static final Pattern ACTION = Pattern.compile("(?i)\\b(announc(e|es|ed|ing|ement)|launch(es|ed|ing)?"
            + "|establish(es|ed|ing)?|creat(e|es|ed|ing)|set(ting)? up|form(s|ed|ing)?|agree[sd]?|agreeing|sign(s|ed|ing)?"
            + "|expand(s|ed|ing)?|deepen(s|ed|ing)?|step(s|ped|ping)? up|link(s|ed|ing)? up|provid(e|es|ed|ing)"
            + "|offer(s|ed|ing)?|plan(s|ned|ning)?|propos(e|es|ed|ing)|lift(s|ed|ing)?|revers(e|es|ed|ing)"
            + "|enlist(s|ed|ing)?|award(s|ed|ing)?|build(s|ing)?|fund(s|ed|ing)?|invest(s|ed|ing)?|commit(s|ted|ting)?"
            + "|pledg(e|es|ed|ing)|introduc(e|es|ed|ing)|unveil(s|ed|ing)?|replac(e|es|ed|ing)|restructur(e|es|ed|ing)"
            + "|co-produc(e|es|ed|ing)|be made|join(s|ed|ing)?|deploy(s|ed|ing)?|develop(s|ed|ing)?|extend(s|ed|ing)?"
            + "|strengthen(s|ed|ing)?|improve|cooperate|cancel(s|led|ed|ling|ing)?|scrap(s|ped|ping)?)\\b");
    private static final Pattern THING = Pattern.compile("(?i)\\b(council|network|partnerships?|partner|program(me)?s?"
            + "|initiatives?|cooperation|command|agreement|accord|deal|pact|fund|exploration|saplings|mission|treaty|alliance"
            + "|ship|vessel|facility|cent(er|re)|task force|strategy|sanctions|embargo|tariffs|contracts?|campaign|policy"
            + "|project|framework|dialogue|exercises?|base|system|aid|access|investment|providers|consortium|commission"
            + "|scholarships?|visas?|research)\\b");
    private static final Pattern NOT_AN_INITIATIVE = Pattern.compile("(?i)(\\bisn[’']t\\b|\\bnot expected\\b|\\bwon[’']t\\b"
            + "|\\bwill not\\b|\\bhasn[’']t\\b|\\bopposition\\b|\\bwill participate in\\b|\\bhosted\\b|^if\\b|\\bwould like\\b"
            + "|\\bwants?\\b|\\bdemands?\\b|\\bcondemn\\w*|\\bcriticis\\w*|\\bcriticiz\\w*|\\bmay morph\\b|\\bwondering\\b"
            + "|^(in|by|since) (the )?(\\d{4}|mid-\\d{4}s|\\d{4}s)\\b|\\ba year ago\\b|\\bat the initiative of\\b|\\bsupposed to\\b"
            + "|\\bwhether\\b|\\bmay\\b|\\bmight\\b|[”\"],?\\s+(said|says|added|told)\\b)");
    /** "some 70 new initiatives", "dozens of announcements": a count of initiatives is not one of them. */
    private static final Pattern UMBRELLA = Pattern.compile("(?i)\\b((expected to |will )?announce\\s+)?(some \\d+|\\d+"
            + "|dozens of|a series of|several) (new )?(initiatives|announcements|measures|steps)\\b[^,.;–—]*");
    private static final int LOOK_BEHIND_CHARS = 60;
    private static final Pattern STARTS_AS_QUOTE = Pattern.compile("^[\"“”‘']");
    private static final Pattern HEDGED = Pattern.compile("(?i)\\b(expected to|may|might|could|would|reportedly)\\b");

    private final Tagger tagger;
    private final ClauseSplitter clauses;

    public InitiativeExtractor(Tagger tagger, ClauseSplitter clauses) {
        this.tagger = tagger;
        this.clauses = clauses;
    }

    public List<FoundInitiative> extract(List<Sentence> sentences) {
        List<FoundInitiative> found = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (STARTS_AS_QUOTE.matcher(sentence.text()).find() || NOT_AN_INITIATIVE.matcher(sentence.text()).find()) {
                continue;
            }
            for (Sentence clause : clauses.split(sentence)) {
                initiativeIn(clause).ifPresent(found::add);
            }
        }
        return found;
    }

    private Optional<FoundInitiative> initiativeIn(Sentence clause) {
        // Counts of initiatives ("announce some 70 new initiatives to …") say nothing concrete: blank them out.
        String text = UMBRELLA.matcher(clause.text()).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher action = ACTION.matcher(text);
        if (!action.find()) {
            return Optional.empty();
        }
        Matcher thing = THING.matcher(text);
        // The thing set up follows its verb ("launching a council"), or precedes it in the passive
        // ("cooperation … will be expanded").
        if (!thing.find(action.end()) && !thing.find(Math.max(0, action.start() - LOOK_BEHIND_CHARS))) {
            return Optional.empty();
        }
        int headStart = thing.start();
        int headEnd = thing.end();
        // Compound heads: "exploration partner", "research partnerships".
        while (thing.find(headEnd) && thing.start() == headEnd + 1) {
            headEnd = thing.end();
        }
        return Optional.of(initiative(clause, headStart, headEnd));
    }

    private FoundInitiative initiative(Sentence clause, int headStart, int headEnd) {
        String text = clause.text();
        List<String> topics = tagger.topicsOf(text);
        List<String> countries = tagger.countriesOf(text);
        List<String> organisations = tagger.organisationsOf(text);
        return new FoundInitiative(InitiativeTitler.title(text, headStart, headEnd), summaryOf(text), clause,
                countries, organisations, topics.isEmpty() ? List.of("other") : topics, StageClassifier.stageOf(text),
                confidence(text, countries.size() + organisations.size()));
    }

    /** More named parties make a concrete initiative likelier; hedged wording makes it less certain. */
    static double confidence(String clause, int parties) {
        double confidence = 0.5 + Math.min(parties, 3) * 0.1;
        if (HEDGED.matcher(clause).find()) {
            confidence -= 0.15;
        }
        return Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100.0;
    }

    /** The clause as one sentence, without a trailing attribution ("…, an official said."). */
    private static String summaryOf(String clause) {
        String summary = clause.replaceAll("(?i),\\s*(an?|the|one|two|three)?\\s*(senior )?(administration )?"
                + "(official|officials|spokesperson|spokesman|spokeswoman)\\s+said\\.?$", ".");
        summary = summary.replaceAll("[“”\"]", "").strip();
        if (!summary.endsWith(".")) {
            summary = summary.replaceAll("[,;:]$", "") + ".";
        }
        return Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
    }

}
