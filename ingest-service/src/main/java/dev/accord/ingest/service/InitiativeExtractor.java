package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds sentences that announce, launch, expand or agree to something concrete: an action word and
 * a thing that can be set up (a council, a network, a partnership...). Quotes, negations and mere
 * meetings are skipped because they report opinions or events, not initiatives.
 */
@ApplicationScoped
public class InitiativeExtractor {

    public static final String VERSION = "rules-0.1";

    private static final int TITLE_MAX_CHARS = 90;
    private static final Pattern ACTION = Pattern.compile("(?i)\\b(announc\\w*|launch\\w*|establish\\w*|creat\\w*|set up"
            + "|agree\\w*|sign\\w*|expand\\w*|deepen\\w*|stepping up|will (also )?(link|be made|provide)|restructur\\w*"
            + "|co-produce|offer\\w*|replace|propos\\w*|plan\\w*)\\b");
    private static final Pattern THING = Pattern.compile("(?i)\\b(council|network|partnerships?|partner|program(me)?s?"
            + "|initiatives?(?! of)|cooperation|command|agreement|deal|fund|exploration|saplings|mission|treaty|alliance"
            + "|ship|facility|center|centre|task force)\\b");
    private static final Pattern NOT_AN_INITIATIVE = Pattern.compile("(?i)(\\bisn[’']t\\b|\\bnot expected\\b|\\bwon[’']t\\b"
            + "|\\bwill not\\b|\\bopposition\\b|\\bwill participate in\\b|\\bhosted\\b)");
    private static final Pattern STARTS_AS_QUOTE = Pattern.compile("^[\"“”‘']");

    private final Tagger tagger;

    public InitiativeExtractor(Tagger tagger) {
        this.tagger = tagger;
    }

    public List<FoundInitiative> extract(List<Sentence> sentences) {
        List<FoundInitiative> found = new ArrayList<>();
        for (Sentence sentence : sentences) {
            String text = sentence.text();
            if (STARTS_AS_QUOTE.matcher(text).find() || NOT_AN_INITIATIVE.matcher(text).find()
                    || !ACTION.matcher(text).find() || !THING.matcher(text).find()) {
                continue;
            }
            List<String> topics = tagger.topicsOf(text);
            found.add(new FoundInitiative(titleOf(text), text, sentence, tagger.countriesOf(text),
                    tagger.organisationsOf(text), topics.isEmpty() ? List.of("other") : topics, stageOf(text), 0.6));
        }
        return found;
    }

    static String stageOf(String sentence) {
        String s = sentence.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("launch")) {
            return "launched";
        }
        if (s.contains("expand") || s.contains("deepen") || s.contains("stepping up")) {
            return "expanded";
        }
        if (s.contains("offer") || s.contains("propos")) {
            return "proposed";
        }
        if (s.contains("plan")) {
            return "planned";
        }
        return "announced";
    }

    private static String titleOf(String sentence) {
        String clause = sentence.split("[,;—–]")[0].strip();
        if (clause.length() <= TITLE_MAX_CHARS) {
            return clause.replaceAll("[.]$", "");
        }
        int cut = clause.lastIndexOf(' ', TITLE_MAX_CHARS);
        return clause.substring(0, cut > 0 ? cut : TITLE_MAX_CHARS) + "…";
    }
}
