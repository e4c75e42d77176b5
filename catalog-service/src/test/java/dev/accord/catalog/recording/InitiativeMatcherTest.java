package dev.accord.catalog.recording;

import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_EUROPE;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_KOREA;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_LATER;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_THE_HILL;
import static dev.accord.catalog.ReportedWording.AIR_DEFENSE_WIRE;
import static dev.accord.catalog.ReportedWording.ASTRONAUT;
import static dev.accord.catalog.ReportedWording.INTELLIGENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.ReportedWording.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitiativeMatcherTest {

    /** The defaults of accord.catalog.merge.*. */
    private static final double THRESHOLD = 0.5;
    private static final double TITLE_WEIGHT = 0.6;

    @Test
    void termsIgnoreSpellingInflectionAndFunctionWords() {
        assertThat(MergeTerms.of("Networked air and missile defence architectures"))
                .containsExactly("network", "air", "missil", "defens", "architectur");
        assertThat(MergeTerms.of("a networked air-defense network")).containsExactly("network", "air", "defens");
        assertThat(MergeTerms.of("The organisation's programme")).containsExactly("organiz", "program");
        assertThat(MergeTerms.of("Japan will launch the programme")).containsExactly("japan", "program");
    }

    @Test
    void differentOutletsWordingOfOneInitiativeMerge() {
        assertThat(score(AIR_DEFENSE_THE_HILL, AIR_DEFENSE_WIRE)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(score(AIR_DEFENSE_THE_HILL, AIR_DEFENSE_LATER)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(score(AIR_DEFENSE_WIRE, AIR_DEFENSE_LATER)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void unrelatedProgrammesOfTheSamePartiesStayApart() {
        for (Report airDefense : List.of(AIR_DEFENSE_THE_HILL, AIR_DEFENSE_WIRE, AIR_DEFENSE_LATER)) {
            assertThat(score(airDefense, ASTRONAUT)).isBetween(0.0, THRESHOLD).isLessThan(THRESHOLD);
            assertThat(score(airDefense, INTELLIGENCE)).isBetween(0.0, THRESHOLD).isLessThan(THRESHOLD);
        }
    }

    @Test
    void similarProgrammesOfOtherPartiesStayApart() {
        assertThat(score(AIR_DEFENSE_THE_HILL, AIR_DEFENSE_EUROPE)).isEqualTo(-1);
        assertThat(score(AIR_DEFENSE_THE_HILL, AIR_DEFENSE_KOREA)).isEqualTo(-1);
        assertThat(score(AIR_DEFENSE_LATER, AIR_DEFENSE_KOREA)).isEqualTo(-1);
    }

    @Test
    void partiesMustContainEachOtherOrShareHalfTheirUnion() {
        assertThat(compatible(List.of("US", "JP"), List.of("US", "JP", "AU"))).isTrue();
        assertThat(compatible(List.of("US", "JP", "AU"), List.of("US", "JP", "KR"))).isTrue();
        assertThat(compatible(List.of("US", "JP"), List.of("US", "KR"))).isFalse();
        assertThat(compatible(List.of("DE"), List.of("FR"))).isFalse();
        // A code listed twice counts once: {US, JP, AU, KR} against {US, JP, GB} share 2 of 5.
        assertThat(compatible(List.of("US", "JP", "US", "AU", "KR"), List.of("US", "JP", "GB", "GB"))).isFalse();
        assertThat(compatible(List.of("US", "JP", "US", "AU"), List.of("US", "JP", "GB", "GB"))).isTrue();
    }

    @Test
    void withoutCountriesAnOrganisationMustBeShared() {
        InitiativeMatcher.Features nasa = features(List.of(), List.of("NASA"));
        assertThat(InitiativeMatcher.partiesCompatible(nasa, features(List.of("US"), List.of("nasa ")))).isTrue();
        assertThat(InitiativeMatcher.partiesCompatible(nasa, features(List.of("US"), List.of("ESA")))).isFalse();
        assertThat(InitiativeMatcher.partiesCompatible(features(List.of(), List.of()), features(List.of(), List.of())))
                .isFalse();
        assertThat(features(List.of("US", "JP"), List.of("NASA")).partyKeys()).containsExactly("JP", "US", "org:nasa");
    }

    @Test
    void aOneWordTitleDoesNotMatchEverythingContainingIt() {
        Report shortTitle = new Report("network", "Japan and the United States will build a network.",
                List.of("US", "JP"), List.of());
        assertThat(score(shortTitle, AIR_DEFENSE_WIRE)).isLessThan(THRESHOLD);
    }

    private static double score(Report a, Report b) {
        double forward = InitiativeMatcher.score(features(a), features(b), TITLE_WEIGHT);
        assertThat(InitiativeMatcher.score(features(b), features(a), TITLE_WEIGHT)).as("symmetric").isEqualTo(forward);
        return forward;
    }

    private static boolean compatible(List<String> a, List<String> b) {
        return InitiativeMatcher.partiesCompatible(features(a, List.of()), features(b, List.of()));
    }

    private static InitiativeMatcher.Features features(Report report) {
        return InitiativeMatcher.Features.of(report.title(), report.sentence(), report.countries(),
                report.organisations());
    }

    private static InitiativeMatcher.Features features(List<String> countries, List<String> organisations) {
        return InitiativeMatcher.Features.of("t", "s", countries, organisations);
    }
}
