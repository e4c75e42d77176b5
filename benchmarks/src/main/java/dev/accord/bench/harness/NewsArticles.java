package dev.accord.bench.harness;

import dev.accord.testsupport.load.MadeUpText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Articles for the pipeline scenarios, in the prose of a news report. {@link #distinct} gives every
 * article programmes of its own (two or three, each with a made-up name, so every one is a new catalog
 * entry); {@link #burst} has every article re-report two of the same four programmes in other words and
 * at other stages, as many outlets do after a state visit (mentions and stage changes of a few entries).
 * Each article also carries a paragraph of made-up words of its own, so that ingest's near-duplicate
 * detection lets it through; the made-up words name no country, organisation or topic.
 * Every initiative sentence holds the word {@value #KEYWORD}, which the scenario's subscription matches.
 */
final class NewsArticles {

    static final String KEYWORD = "joint";

    private static final String[][] PAIRS = {{"Norway", "Finland"}, {"Kenya", "Ghana"}, {"Chile", "Peru"}, {"Estonia", "Latvia"},
        {"Canada", "Mexico"}, {"India", "Brazil"}, {"Poland", "Lithuania"}, {"Japan", "Australia"}};
    private static final String[][] PROGRAMMES = {
        {"Grid Council", "to coordinate cross-border electricity trading"},
        {"Drone Coalition", "to patrol their shared coastline"},
        {"Vaccine Manufacturing Network", "to produce vaccines for the region"},
        {"Research Fund", "for artificial intelligence and quantum computing"},
        {"Coastal Monitoring Network", "to track illegal fishing"},
        {"Space Partnership", "to launch earth-observation satellites"},
        {"Minerals Task Force", "to secure supplies of lithium and cobalt"},
        {"Rail Corridor", "to link their ports with inland markets"}};
    /** Ways to report a programme (countries, name, purpose), each at another stage. */
    private static final String[] REPORTS = {
        "%s and %s will establish the %s, a " + KEYWORD + " body %s, officials said on Monday.",
        "The two governments also agreed to create the %3$s, a " + KEYWORD + " initiative %4$s.",
        "On Tuesday %s and %s launched the %s, a " + KEYWORD + " programme %s.",
        "%s and %s plan to expand the %s, their " + KEYWORD + " effort %s, next year."};
    private static final int NOTE_WORDS = 220;
    private static final int BURST_PROGRAMMES = 4;

    private final long salt;

    NewsArticles(long salt) {
        this.salt = salt;
    }

    /** Article {@code n} with two or three programmes no other article names. */
    String distinct(long n) {
        SplittableRandom random = random(n);
        String[] pair = PAIRS[random.nextInt(PAIRS.length)];
        int count = 2 + random.nextInt(2);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(pair[0] + " and " + pair[1] + " deepen ties with new " + KEYWORD + " programmes");
        for (int i = 0; i < count; i++) {
            String[] programme = PROGRAMMES[random.nextInt(PROGRAMMES.length)];
            String name = name(random) + " " + programme[0];
            paragraphs.add(String.format(REPORTS[i], pair[0], pair[1], name, programme[1]));
        }
        return article(paragraphs, random, n);
    }

    /** Article {@code n} re-reporting two of the same four programmes, each time in other words. */
    String burst(long n) {
        SplittableRandom random = random(n);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("More details emerge on the " + KEYWORD + " programmes agreed this week");
        int first = random.nextInt(BURST_PROGRAMMES);
        for (int k : new int[] {first, (first + 1 + random.nextInt(BURST_PROGRAMMES - 1)) % BURST_PROGRAMMES}) {
            String[] pair = PAIRS[k];
            String[] programme = PROGRAMMES[k];
            String name = name(new SplittableRandom(salt * 31 + k)) + " " + programme[0];
            paragraphs.add(String.format(REPORTS[random.nextInt(REPORTS.length)], pair[0], pair[1], name, programme[1]));
        }
        return article(paragraphs, random, n);
    }

    private String article(List<String> paragraphs, SplittableRandom random, long n) {
        paragraphs.add("Ministers from both sides met in the capital to discuss the details, and officials said more talks were "
                + "planned for the coming months as the partners work through financing and staffing.");
        paragraphs.add(MadeUpText.paragraph(salt + "-" + n, NOTE_WORDS, random));
        return String.join("\n\n", paragraphs) + "\n";
    }

    private SplittableRandom random(long n) {
        return new SplittableRandom(salt * 1_000_003L + n);
    }

    /** Two made-up capitalised words: "Kalomi Rutesa". */
    private static String name(SplittableRandom random) {
        return MadeUpText.capitalised(MadeUpText.word(random)) + " " + MadeUpText.capitalised(MadeUpText.word(random));
    }
}
