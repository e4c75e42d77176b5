package dev.accord.ingest.service;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The lifecycle stage an initiative's own wording claims; the first matching rule wins. */
final class StageClassifier {

    private static final List<Map.Entry<Pattern, String>> RULES = List.of(
            rule("\\b(cancel\\w*|scrap\\w*|abandon\\w*|withdr[ae]w\\w*|terminat\\w*)\\b", "cancelled"),
            rule("\\b(completed?|finished|concluded)\\b", "completed"),
            rule("\\b(expand\\w*|deepen\\w*|step(ping|ped|s)? up|extend\\w*|strengthen\\w*|broaden\\w*|scal\\w+ up)\\b", "expanded"),
            rule("\\b(launch\\w*|establish\\w*|set up|created?|opened|began|started|enlisted|deployed|introduced|awarded|signed)\\b",
                    "launched"),
            rule("\\b(propos\\w*|offer\\w*|suggest\\w*|call\\w* for)\\b", "proposed"),
            rule("\\b(plan\\w*|intend\\w*|will|expected to|aims? to|to be)\\b", "planned"),
            rule(".", "announced"));

    private StageClassifier() {
    }

    static String stageOf(String clause) {
        // "will announce" is a plan to announce; the announcement itself makes it "announced".
        String text = clause.replaceAll("(?i)\\bwill (also )?announce\\b", "announces");
        return RULES.stream().filter(r -> r.getKey().matcher(text).find()).findFirst().orElseThrow().getValue();
    }

    private static Map.Entry<Pattern, String> rule(String regex, String stage) {
        return Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), stage);
    }
}
