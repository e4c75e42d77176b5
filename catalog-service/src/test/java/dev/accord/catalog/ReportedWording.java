package dev.accord.catalog;

import java.util.List;

/**
 * How different outlets worded initiatives announced at the April 2024 US–Japan state visit: the
 * merge rule must join the reports of one initiative and keep the others apart.
 */
public final class ReportedWording {

    /** A report: the extracted title, the evidence sentence and the parties it named. */
    public record Report(String title, String sentence, List<String> countries, List<String> organisations) {
    }

    /** The Hill, from the repository's sample article. */
    public static final Report AIR_DEFENSE_THE_HILL = new Report("integrated air defense network",
            "The two countries will link up with Australia for an integrated air defense network and the U.S. and "
                    + "Japan are also expected to deepen intelligence cooperation, with the administration saying it "
                    + "was confident Tokyo has taken steps to address its security — following the U.S. discovery of "
                    + "a significant Chinese hacking of Japan’s government computer networks.",
            List.of("US", "JP", "AU"), List.of());
    /** A wire-service wording, British spelling. */
    public static final Report AIR_DEFENSE_WIRE = new Report("networked air and missile defence architecture",
            "Biden said the United States, Japan and Australia would create a networked air and missile defence "
                    + "architecture to counter growing threats in the region.",
            List.of("US", "JP", "AU"), List.of());
    /** A later report that names only two of the three countries. */
    public static final Report AIR_DEFENSE_LATER = new Report("networked air defense system",
            "Japan and the United States have switched on the networked air defense system they are building "
                    + "with Australia, officials said.",
            List.of("US", "JP"), List.of());

    /** Same parties, unrelated programme. */
    public static final Report ASTRONAUT = new Report("Japanese astronaut lunar landing",
            "Japan and the United States agreed that a Japanese astronaut will become the first non-American to "
                    + "land on the Moon under NASA's Artemis program.",
            List.of("US", "JP"), List.of("NASA"));
    /** Same programme reported by the same outlet, but intelligence sharing rather than air defence. */
    public static final Report INTELLIGENCE = new Report("deeper intelligence cooperation",
            "The U.S. and Japan are also expected to deepen intelligence cooperation, after Tokyo took steps to "
                    + "protect its government computer networks.",
            List.of("US", "JP"), List.of());
    /** Similar programme, different parties. */
    public static final Report AIR_DEFENSE_EUROPE = new Report("integrated air defence network",
            "Germany and the Netherlands will build an integrated air defence network for their armed forces.",
            List.of("DE", "NL"), List.of());
    /** Similar programme, only one party in common. */
    public static final Report AIR_DEFENSE_KOREA = new Report("integrated air defense network",
            "South Korea and the United States will link up for an integrated air defense network.",
            List.of("US", "KR"), List.of());

    private ReportedWording() {
    }
}
