package dev.accord.ingest.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Extraction quality on labelled documents, scored as docs/extraction.md §8 says: a report matches
 * a label when their evidence overlaps (each label once, best overlap first); parties, topic and stage
 * are compared on matched pairs.
 */
final class Scorecard {

    int reported;
    int labelled;
    int matched;
    int partiesRight;
    int topicRight;
    int stageRight;
    int lookalikesReported;
    /** Reports that matched no label because their sentence's labels were already matched: a second report of one sentence. */
    int repeats;
    final Map<String, Map<String, Integer>> stageConfusion = new TreeMap<>();
    final List<String> misses = new ArrayList<>();
    final List<String> noise = new ArrayList<>();
    final List<String> wrongParties = new ArrayList<>();
    final List<String> wrongStages = new ArrayList<>();
    final List<String> wrongTopics = new ArrayList<>();

    void add(Corpus.Doc doc, List<FoundInitiative> found) {
        reported += found.size();
        labelled += doc.labels().size();
        Set<Integer> used = new HashSet<>();
        Set<Integer> matchedLabels = new HashSet<>();
        for (int f = 0; f < found.size(); f++) {
            FoundInitiative report = found.get(f);
            int best = -1;
            int bestOverlap = 0;
            for (int l = 0; l < doc.labels().size(); l++) {
                if (matchedLabels.contains(l)) {
                    continue;
                }
                int overlap = overlap(doc.text(), doc.labels().get(l).evidence(), report);
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = l;
                }
            }
            if (best < 0) {
                boolean repeat = doc.labels().stream().anyMatch(label -> overlaps(doc.text(), label.evidence(), report));
                repeats += repeat ? 1 : 0;
                noise.add((repeat ? "(repeat) " : "") + doc.id() + ": [" + report.stage() + "] " + report.title() + " <= " + cut(report.evidence().text()));
                if (doc.lookalikes().stream().anyMatch(look -> overlaps(doc.text(), look, report))) {
                    lookalikesReported++;
                }
                continue;
            }
            used.add(f);
            matchedLabels.add(best);
            matched++;
            Corpus.Label label = doc.labels().get(best);
            if (Set.copyOf(label.countries()).equals(Set.copyOf(report.countries()))) {
                partiesRight++;
            } else {
                wrongParties.add(doc.id() + ": " + report.countries() + " expected " + label.countries() + " <= " + cut(report.evidence().text()));
            }
            if (!label.topics().isEmpty() && report.topics().contains(label.topics().get(0))) {
                topicRight++;
            } else {
                wrongTopics.add(doc.id() + ": " + report.topics() + " expected " + label.topics() + " <= " + cut(report.evidence().text()));
            }
            if (label.stage().equals(report.stage())) {
                stageRight++;
            } else {
                wrongStages.add(doc.id() + ": " + report.stage() + " expected " + label.stage() + " <= " + cut(report.evidence().text()));
            }
            stageConfusion.computeIfAbsent(label.stage(), k -> new TreeMap<>()).merge(report.stage(), 1, Integer::sum);
        }
        for (int l = 0; l < doc.labels().size(); l++) {
            if (!matchedLabels.contains(l)) {
                misses.add(doc.id() + ": [" + doc.labels().get(l).stage() + "] " + doc.labels().get(l).title() + " <= "
                        + cut(doc.labels().get(l).evidence()));
            }
        }
    }

    double precision() {
        return reported == 0 ? 0 : matched / (double) reported;
    }

    double recall() {
        return labelled == 0 ? 0 : matched / (double) labelled;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String summary(String name) {
        return String.format("%-6s P %.3f  R %.3f  F1 %.3f  parties %.3f  topic %.3f  stage %.3f  (reported %d, labelled %d, matched %d, repeats %d, look-alikes reported %d)",
                name, precision(), recall(), f1(), ratio(partiesRight), ratio(topicRight), ratio(stageRight), reported, labelled, matched,
                repeats, lookalikesReported);
    }

    String confusion() {
        StringBuilder out = new StringBuilder("stage confusion (label -> reported):\n");
        stageConfusion.forEach((label, row) -> out.append(String.format("  %-10s %s%n", label, row)));
        return out.toString();
    }

    private double ratio(int right) {
        return matched == 0 ? 0 : right / (double) matched;
    }

    private static int overlap(String text, String evidence, FoundInitiative report) {
        int at = text.indexOf(evidence);
        if (at < 0) {
            return 0;
        }
        int from = Math.max(at, report.evidence().start());
        int to = Math.min(at + evidence.length(), report.evidence().end());
        return Math.max(0, to - from);
    }

    private static boolean overlaps(String text, String evidence, FoundInitiative report) {
        return overlap(text, evidence, report) > 0;
    }

    private static String cut(String text) {
        return text.length() <= 140 ? text : text.substring(0, 140) + "…";
    }
}
