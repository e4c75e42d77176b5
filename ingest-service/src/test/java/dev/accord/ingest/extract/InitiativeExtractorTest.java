package dev.accord.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.tag.Tagger;
import dev.accord.testsupport.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitiativeExtractorTest {

    private final Tagger tagger = new Tagger();
    private final InitiativeExtractor extractor = new InitiativeExtractor(tagger, new ClauseSplitter());
    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();

    @Test
    void seedArticleYieldsItsInitiativesAndNotTheNoise() {
        String text = cleaner.clean(new ArticleDraft(null, null, null, null, null, Fixtures.seedArticle())).text();
        List<FoundInitiative> found = extractor.extract(text);
        String all = String.join("\n", found.stream().map(FoundInitiative::summary).toList());

        assertThat(all).contains("Joint Operations Command", "military-industrial council", "integrated air defense network",
                "intelligence cooperation", "lunar exploration partner", "research partnerships on artificial intelligence",
                "cherry blossom saplings");
        assertThat(all).doesNotContain("Nippon Steel", "trilateral summit", "some 70 new initiatives");
        // Each of the seven is an initiative of its own, even where two share a sentence.
        for (String phrase : List.of("integrated air defense network", "intelligence cooperation")) {
            assertThat(found).filteredOn(i -> i.summary().contains(phrase)).hasSize(1);
        }
        assertThat(found).extracting(FoundInitiative::evidence).doesNotHaveDuplicates();
        for (FoundInitiative initiative : found) {
            assertThat(text.substring(initiative.evidence().start(), initiative.evidence().end()))
                    .isEqualTo(initiative.evidence().text());
        }
        FoundInitiative council = found.stream().filter(i -> i.summary().contains("military-industrial council")).findFirst().orElseThrow();
        assertThat(council.stage()).isEqualTo("launched");
        assertThat(council.countries()).contains("US", "JP");
        assertThat(council.topics()).contains("defense");
    }

    @Test
    void textThatAnnouncesNothingYieldsNothing() {
        String text = "The weather was mild in Tokyo on Tuesday. Officials met for lunch and discussed the news.";
        assertThat(extractor.extract(text)).isEmpty();
    }
}
