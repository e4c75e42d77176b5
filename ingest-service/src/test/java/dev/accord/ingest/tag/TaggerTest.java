package dev.accord.ingest.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.clean.ArticleFixtures;
import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tagging with the shipped dictionaries, on sentences taken from the fixture articles. */
class TaggerTest {

    private final Tagger tagger = new Tagger();

    @Test
    void leadersStandForTheirCountries() {
        assertThat(tagger.tag("“So the perceived enmity didn’t hurt the way it did with Shamir when he ran afoul of Bush in ’91.”")
                .countries()).containsExactlyInAnyOrder("IL", "US");
        assertThat(tagger.tag("Mr Mugabe is resisting mediation by a Catholic priest to allow the former guerrilla a graceful exit"
                + " after the military takeover.").countries()).containsExactly("ZW");
        assertThat(tagger.tag("Biden and Kishida will also announce new research partnerships on artificial intelligence.").countries())
                .containsExactlyInAnyOrder("US", "JP");
    }

    @Test
    void countriesNamedOutrightComeBeforeThoseOnlyPresentThroughALeader() {
        assertThat(tagger.tag("Taiwanese President Tsai Ing-wen’s political playbook should be essential reading for Hong Kong"
                + " leader Carrie Lam").countries()).containsExactly("TW", "HK");
        assertThat(tagger.tag("Jordanian Foreign Minister Ayman Safadi met Benjamin Netanyahu").countries()).containsExactly("JO", "IL");
    }

    @Test
    void leadersCountAsCountriesButPeopleTaggingIsUnchanged() {
        Tags tags = tagger.tag("In May, NASA’s Administrator Jim Bridenstine said returning to the moon was necessary,"
                + " and Defense Secretary Mark Esper agreed.");
        assertThat(tags.countries()).containsExactly("US");
        assertThat(tags.people()).containsExactly("Mark Esper");
    }

    @Test
    void peopleAreWhatTheTitlePatternFindsWhenTriedAtEveryPosition() throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add(Files.readString(Path.of("../samples/thehill-2024-04-kishida-state-visit.txt")));
        texts.add("President Biden met Prime Minister Fumio Kishida; the Prime Minister said so. Ministers met."
                + " Vice-President Kamala Harris and ex-Senator O'Brien spoke. PresidentX Y, Governor");
        Stream.of("aeb-", "readability-", "trafilatura-").flatMap(prefix -> ArticleFixtures.named(prefix).stream())
                .map(fixture -> ArticleFixtures.clean(fixture).text()).forEach(texts::add);
        int names = 0;
        for (String text : texts) {
            Set<String> everywhere = new LinkedHashSet<>();
            Matcher matcher = Tagger.PERSON.matcher(text);
            while (matcher.find()) {
                everywhere.add(matcher.group(1).strip());
                if (matcher.group(2) != null) {
                    everywhere.add(matcher.group(2).strip());
                }
            }
            assertThat(Tagger.people(text)).as(text.substring(0, Math.min(80, text.length()))).containsExactlyElementsOf(everywhere);
            names += everywhere.size();
        }
        assertThat(Tagger.people(texts.get(1))).containsExactly("Biden", "Fumio Kishida", "Kamala Harris", "O'Brien");
        assertThat(names).as("names after titles in the texts compared").isGreaterThan(20);
    }

    @Test
    void capitalsAndSeatsOfGovernmentAreMetonyms() {
        assertThat(tagger.tag("Vietnam is one of the region’s most vocal critics and has accused Beijing of encroaching into its waters.")
                .countries()).containsExactlyInAnyOrder("VN", "CN");
        assertThat(tagger.tag("the administration saying it was confident Tokyo has taken steps").countries()).containsExactly("JP");
        assertThat(tagger.tag("The Kremlin and Downing Street both declined to comment.").countries()).containsExactlyInAnyOrder("RU", "GB");
    }

    @Test
    void demonymsInTheirPluralAndNounFormsPointAtTheCountry() {
        assertThat(tagger.tag("Many Tunisians fear the attack will hurt tourism.").countries()).containsExactly("TN");
        assertThat(tagger.tag("Liberians, Ivorians and Kosovars").countries()).containsExactlyInAnyOrder("LR", "CI", "XK");
    }

    @Test
    void aPlaceOrPersonThatOnlyContainsACountryWordDoesNotTagIt() {
        // Mugabe's residence in Harare, not South Korea's former presidential office.
        assertThat(tagger.tag("key figures are under house arrest at Mugabe's \"Blue House\" compound in Harare").countries())
                .containsExactly("ZW");
        assertThat(tagger.tag("Shipping lanes across the Indian Ocean").countries()).isEmpty();
        assertThat(tagger.tag("Rep. Jim Jordan questioned the witness").countries()).isEmpty();
        assertThat(tagger.tag("Voters in Georgia and New Mexico").countries()).containsExactly("US");
        assertThat(tagger.tag("Chad and Victoria met in Kingston").countries()).isEmpty();
    }

    @Test
    void longerNamesWinOverTheShorterNamesInsideThem() {
        assertThat(tagger.tag("Democratic Republic of Congo and Republic of Congo").countries()).containsExactly("CG", "CD");
        assertThat(tagger.tag("Papua New Guinea, Equatorial Guinea, Guinea-Bissau").countries()).containsExactly("GQ", "GW", "PG");
        assertThat(tagger.tag("the British Indian Ocean Territory").countries()).containsExactly("IO");
    }

    @Test
    void organisationsAreFoundByAcronymAndFullName() {
        assertThat(tagger.tag("A few of the new additions - Blue Origin, Sierra Nevada Corporation and SpaceX - are larger companies.")
                .organisations()).containsExactly("SpaceX", "Blue Origin", "Sierra Space");
        assertThat(tagger.tag("The International Atomic Energy Agency and the IMF briefed the Pentagon.").organisations())
                .containsExactly("IAEA", "IMF", "Department of Defense");
        // The compiler, not the Gulf Cooperation Council.
        assertThat(tagger.tag("options to the GCC").organisations()).isEmpty();
    }

    @Test
    void topicsCoverTheirWordForms() {
        assertThat(tagger.tag("South Dakota’s campaign against methamphetamine addiction").topics()).containsExactly("health");
        assertThat(tagger.tag("U.S. troops and warships").topics()).containsExactly("defense");
    }

    @Test
    void ministersNamedWithTheirCountriesAreBothFound() {
        assertThat(tagger.tag("Energy ministers Terje Aasland of Norway and Sari Multala of Finland signed the plan.").people())
                .containsExactly("Terje Aasland", "Sari Multala");
    }

    @Test
    void namesKeepTheirParticles() {
        assertThat(tagger.tag("President Luiz Inácio Lula da Silva opened the summit.").people())
                .containsExactly("Luiz Inácio Lula da Silva");
    }

    @Test
    void gridOperatorsChipmakersAndObservatoriesAreOrganisations() {
        assertThat(tagger.tag("Fingrid and Statnett will build the cable; Tata Electronics and Renesas will make chips;"
                + " the European Southern Observatory runs the telescope.").organisations())
                .contains("Fingrid", "Statnett", "Tata Electronics", "Renesas", "European Southern Observatory");
    }

    @Test
    void nationalAgenciesActForTheirCountry() {
        List<String> countries = tagger.countryHits(Tokenizer.tokens("NASA will train ISRO astronauts."))
                .stream().map(Gazetteer.Hit::key).toList();
        assertThat(countries).containsExactly("US", "IN");
    }
}
