package dev.accord.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who acts when a sentence names no country of its own (codebook §2). */
class PartiesTest {

    private static final String BRITISH_BUDGET = "Britain's economy grew faster than expected, figures showed on Monday. "
            + "Interest rates in Britain are at a four-year high.\n\n";

    @Test
    void aMinisterActsForTheCountryTheArticleIsAbout() {
        FoundInitiative freeze = Candidates.about(BRITISH_BUDGET
                + "Chancellor Gordon Brown has announced a freeze on fuel duty in his pre-budget speech.", "freeze on fuel duty");
        assertThat(freeze.countries()).containsExactly("GB");
    }

    @Test
    void aCompanyOrAnInternationalBodyDoesNotTakeTheArticlesCountry() {
        FoundInitiative plant = Candidates.about(BRITISH_BUDGET
                + "Hikma Pharmaceuticals announced it will build a new plant to produce vaccines.", "new plant");
        assertThat(plant.countries()).isEmpty();
        FoundInitiative fund = Candidates.about(BRITISH_BUDGET
                + "The International Monetary Fund will launch a new fund for debt relief.", "new fund");
        assertThat(fund.countries()).isEmpty();
    }

    @Test
    void anArticleAboutSeveralCountriesAlikeLendsNoneOfThem() {
        FoundInitiative freeze = Candidates.about("Talks in Paris and in Berlin ended on Monday.\n\n"
                + "Chancellor Gordon Brown has announced a freeze on fuel duty in his pre-budget speech.", "freeze on fuel duty");
        assertThat(freeze.countries()).isEmpty();
    }

    @Test
    void aFrontedDateDoesNotHideTheFirstOfTheSubjects() {
        FoundInitiative coalition = Candidates.about("On Tuesday Kenya and Ghana launched the Lake Victoria Drone Coalition.",
                "Drone Coalition");
        assertThat(coalition.countries()).containsExactlyInAnyOrder("KE", "GH");
        FoundInitiative aid = Candidates.about("Attacks on Ukraine and Moldova continued as Britain launched a new aid fund.", "aid fund");
        assertThat(aid.countries()).containsExactly("GB");
    }
}
