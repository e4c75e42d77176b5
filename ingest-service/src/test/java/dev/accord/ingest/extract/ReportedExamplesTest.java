package dev.accord.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.clean.ArticleDraft;
import dev.accord.ingest.clean.BoilerplateCleaner;
import dev.accord.ingest.tag.Tagger;
import dev.accord.testsupport.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extraction defects seen on unseen news, each as a test, in the words they were reported in. */
class ReportedExamplesTest {

    private final InitiativeExtractor extractor = new InitiativeExtractor(new Tagger(), new ClauseSplitter());

    private List<FoundInitiative> seed() {
        return extractor.extract(new BoilerplateCleaner().clean(new ArticleDraft(null, null, null, null, null, Fixtures.seedArticle())).text());
    }

    private static FoundInitiative about(List<FoundInitiative> found, String phrase) {
        return found.stream().filter(i -> i.evidence().text().contains(phrase)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing found about \"" + phrase + "\" in " + found));
    }

    private Optional<FoundInitiative> only(String text) {
        List<FoundInitiative> found = extractor.extract(text);
        assertThat(found).as("initiatives in: " + text).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    @Test
    void theTwoCountriesAreTheUnitedStatesAndJapan() {
        FoundInitiative network = about(seed(), "integrated air defense network");
        assertThat(network.countries()).containsExactlyInAnyOrder("US", "JP", "AU");
    }

    @Test
    void aCountryThatIsOnlyMentionedIsNotAParty() {
        FoundInitiative intelligence = about(seed(), "intelligence cooperation");
        assertThat(intelligence.countries()).containsExactlyInAnyOrder("US", "JP").doesNotContain("CN");
    }

    @Test
    void aPlanToCreateANamedCoalitionIsFoundAsPlanned() {
        FoundInitiative coalition = only("Estonia and Latvia plan to create the Baltic Sentinel Drone Coalition next year.").orElseThrow();
        assertThat(coalition.title()).isEqualTo("Baltic Sentinel Drone Coalition");
        assertThat(coalition.stage()).isEqualTo("planned");
        assertThat(coalition.countries()).containsExactlyInAnyOrder("EE", "LV");
        FoundInitiative shield = only("Lithuania and Poland plan to create the Amber Shield, a joint air-policing programme.").orElseThrow();
        assertThat(shield.stage()).isEqualTo("planned");
        assertThat(shield.title()).isEqualTo("Amber Shield");
    }

    @Test
    void willEstablishIsAnnouncedAndAgreedToEstablishIsAgreed() {
        assertThat(only("Norway and Finland will establish a joint electricity grid council.").orElseThrow().stage()).isEqualTo("announced");
        assertThat(only("Norway and Finland agreed to establish a joint electricity grid council.").orElseThrow().stage()).isEqualTo("agreed");
    }

    @Test
    void aCompletionHopedForIsPlannedNotCompleted() {
        FoundInitiative plan = only("Egypt and Sudan unveiled a plan for a new Nile power interconnector that planners hope will be"
                + " finished by the early 2030s.").orElseThrow();
        assertThat(plan.stage()).isNotEqualTo("completed");
    }

    @Test
    void aCompletionIsFoundAndNamed() {
        FoundInitiative network = only("Kenya and Ghana on Monday completed the Mombasa-Accra Vaccine Manufacturing Network.").orElseThrow();
        assertThat(network.title()).isEqualTo("Mombasa-Accra Vaccine Manufacturing Network");
        assertThat(network.stage()).isEqualTo("completed");
        assertThat(network.countries()).containsExactlyInAnyOrder("KE", "GH");
    }

    @Test
    void aPartnerOrganisationBetweenCommasDoesNotHideTheInitiative() {
        FoundInitiative coalition = only("Estonia and Latvia, together with NATO, will establish the Baltic Sentinel Drone Coalition.")
                .orElseThrow();
        assertThat(coalition.title()).isEqualTo("Baltic Sentinel Drone Coalition");
        assertThat(coalition.organisations()).contains("NATO");
        assertThat(coalition.countries()).containsExactlyInAnyOrder("EE", "LV");
    }

    @Test
    void aProgrammeWithANameIsTitledByItsName() {
        assertThat(only("Kenya and Ghana will establish the Mombasa-Accra Vaccine Manufacturing Network to produce vaccines for the"
                + " African continent.").orElseThrow().title()).isEqualTo("Mombasa-Accra Vaccine Manufacturing Network");
        assertThat(only("Poland and Germany will deliver a new air defence network to Lithuania on Thursday.").orElseThrow().title())
                .isEqualTo("New air defence network");
    }

    @Test
    void bareHeadNounsAreNotInitiatives() {
        for (String noun : List.of("Alliance", "Cooperation", "Mission", "Deal", "Council", "Agreement")) {
            assertThat(InitiativeExtractor.isBare(noun)).as(noun).isTrue();
        }
        assertThat(extractor.extract("The alliance was strengthened. The deal was signed. The council met.")).isEmpty();
    }

    @Test
    void historyFailuresAndSportAreNotInitiatives() {
        assertThat(extractor.extract("The programme, which Germany and France had launched in 2011, ended three years later."))
                .as("background history").isEmpty();
        assertThat(extractor.extract("A US military mission to rescue the hostages failed on Sunday when the helicopters crashed."))
                .as("a failed rescue mission").isEmpty();
        assertThat(extractor.extract("Arsenal manager Mikel Arteta has signed a new contract with the club that runs until 2027,"
                + " the Premier League side said on Friday.")).as("a football manager's contract").isEmpty();
    }

    @Test
    void aBlockedTakeoverAndARefusedOfferAreNotInitiatives() {
        assertThat(extractor.extract("President Biden blocked Nippon Steel's takeover of U.S. Steel on Friday.")).isEmpty();
        assertThat(extractor.extract("The board of the mining company rejected the offer from its rival on Monday, saying it"
                + " undervalued the business.")).isEmpty();
    }

    @Test
    void initiativesTakeTheArticlesTopicWhenTheirSentenceNamesNone() {
        String article = "Norway and Finland are working to cut emissions and bring more renewable energy and wind power to their"
                + " electricity grids.\n\nThe two countries will launch the Nordic Grid Partnership next spring.";
        FoundInitiative partnership = about(extractor.extract(article), "Nordic Grid Partnership");
        assertThat(partnership.topics()).contains("energy-climate");
        assertThat(partnership.countries()).containsExactlyInAnyOrder("NO", "FI");
    }
}
