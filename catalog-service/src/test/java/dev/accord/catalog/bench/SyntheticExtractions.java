package dev.accord.catalog.bench;

import dev.accord.common.events.EventIds;
import dev.accord.common.events.Evidence;
import dev.accord.common.events.InitiativeExtracted;
import dev.accord.common.events.Parties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Initiative events of the shape the benchmarks module's SyntheticInitiatives makes: two or three of
 * twenty countries (so most events share a party with thousands of others), a real search word and
 * "compact" in every title, made-up words elsewhere, so each is an entry of its own and every
 * mention is a merge candidate of many others.
 */
final class SyntheticExtractions {

    private static final List<String> SEARCH_WORDS = List.of("satellite", "semiconductor", "shipbuilding", "vaccine",
            "hydrogen", "cyber", "fisheries", "scholarship");
    private static final List<String> COUNTRIES = List.of("US", "JP", "AU", "GB", "FR", "DE", "IN", "KR", "PH", "CA",
            "IT", "NL", "SE", "PL", "BR", "ZA", "NG", "ID", "VN", "MX");
    private static final List<String> ORGANISATIONS = List.of("NATO", "ASEAN", "NASA", "JAXA", "IAEA", "WHO");
    private static final List<String> TOPICS = List.of("defense", "intelligence", "space", "technology", "trade",
            "energy-climate", "health", "diplomacy", "culture", "education", "economy", "security");
    private static final List<String> STAGES = List.of("proposed", "planned", "announced", "launched", "expanded");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "de", "po", "zu",
        "fe", "ga", "hi", "ju", "be", "xo", "qui", "ny", "wa"};

    private final long salt;

    SyntheticExtractions(long salt) {
        this.salt = salt;
    }

    InitiativeExtracted event(long n) {
        SplittableRandom random = new SplittableRandom(salt * 7_919L + n);
        UUID articleId = EventIds.articleId("bench:" + salt + ":" + n);
        String search = SEARCH_WORDS.get(random.nextInt(SEARCH_WORDS.size()));
        String name = capitalised(word(random)) + " " + capitalised(word(random));
        String title = name + " " + search + " compact";
        String evidence = "Officials said the " + name + " " + search + " compact would " + word(random) + " "
                + word(random) + " the " + word(random) + " " + word(random) + " under a " + word(random)
                + " framework signed on " + (1 + random.nextInt(28)) + " " + word(random) + ".";
        String summary = "Partners agreed the " + name + " compact on " + search + " to " + word(random) + " "
                + word(random) + " " + word(random) + ".";
        int start = 200 + random.nextInt(4000);
        LinkedHashSet<String> countries = new LinkedHashSet<>();
        int parties = 2 + random.nextInt(2);
        while (countries.size() < parties) {
            countries.add(COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        }
        List<String> organisations = random.nextInt(4) == 0
                ? List.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()))) : List.of();
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        return new InitiativeExtracted(InitiativeExtracted.SCHEMA_VERSION, EventIds.initiativeId(articleId, evidence),
                articleId, title, summary, new Evidence(evidence, start, start + evidence.length()),
                new Parties(new ArrayList<>(countries), organisations), new ArrayList<>(topics),
                STAGES.get(random.nextInt(STAGES.size())), 0.5 + random.nextInt(50) / 100.0, "bench-1");
    }

    private static String word(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
