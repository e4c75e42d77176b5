package dev.accord.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer countries = Gazetteer.load("taxonomy/countries.tsv", true);
    private final Gazetteer topics = Gazetteer.load("taxonomy/topics.tsv", false);
    /** Entries in priority order, as a lexicon file would list them. */
    private final Gazetteer stages = Gazetteer.of(stageEntries(), false);

    private static Map<String, List<String>> stageEntries() {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        entries.put("expanded", List.of("expand", "expanded"));
        entries.put("launched", List.of("launch", "launched"));
        entries.put("planned", List.of("will", "plan"));
        entries.put("announced", List.of("announce", "will announce"));
        return entries;
    }

    @Test
    void abbreviationsMatchWithOrWithoutDotsAndNextToHyphens() {
        assertThat(countries.keysIn(Tokenizer.tokens("The U.S.-Japan alliance, seen from the U.K."))).containsExactly("US", "JP", "GB");
        assertThat(countries.keysIn(Tokenizer.tokens("USA and UK"))).containsExactly("US", "GB");
    }

    @Test
    void possessivesAndDemonymsPointAtTheCountry() {
        assertThat(countries.keysIn(Tokenizer.tokens("Japan’s new command and Australian forces"))).containsExactly("JP", "AU");
    }

    @Test
    void softHyphensInsideWordsAreIgnored() {
        assertThat(countries.keysIn(Tokenizer.tokens("Ja\u00ADpan and Aus\u00ADtralia"))).containsExactly("JP", "AU");
    }

    @Test
    void wordsMatchWholeNotAsPartsOfLongerWords() {
        assertThat(countries.keysIn(Tokenizer.tokens("Japanesque Chinatown"))).isEmpty();
        assertThat(topics.keysIn(Tokenizer.tokens("the aide said"))).isEmpty();
    }

    @Test
    void caseSensitivityFollowsTheDictionary() {
        assertThat(countries.keysIn(Tokenizer.tokens("china plates"))).isEmpty();
        assertThat(topics.keysIn(Tokenizer.tokens("MILITARY and Lunar plans"))).containsExactly("defense", "space");
    }

    @Test
    void theLongestPhraseWinsAndHitsKeepTheirOffsets() {
        String text = "They will announce a fund";
        List<Gazetteer.Hit> hits = stages.hitsIn(Tokenizer.tokens(text));
        assertThat(hits).containsExactly(new Gazetteer.Hit("announced", 5, 18));
        assertThat(text.substring(hits.get(0).start(), hits.get(0).end())).isEqualTo("will announce");
    }

    @Test
    void keysComeInDictionaryOrderSoEarlierEntriesTakePriority() {
        assertThat(stages.keysIn(Tokenizer.tokens("will be launched and later expanded"))).containsExactly("expanded", "launched", "planned");
    }
}
