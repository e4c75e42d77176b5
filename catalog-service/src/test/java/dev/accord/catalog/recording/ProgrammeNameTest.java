package dev.accord.catalog.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The programme's own name in the merge rule: a distinct name keeps entries apart, a rewording of the same one joins. */
class ProgrammeNameTest {

    private static final double TITLE_WEIGHT = 0.6;
    private static final double THRESHOLD = 0.5;

    private static InitiativeMatcher.Features mention(String title, String evidence, String... countries) {
        return InitiativeMatcher.Features.of(title, evidence, List.of(countries), List.of());
    }

    @Test
    void distinctNamedProgrammesWithTheSameTemplateStayApart() {
        InitiativeMatcher.Features alliance = mention("Andes Orbit Alliance",
                "Chile and Peru will launch the Andes Orbit Alliance to coordinate satellite launches.", "CL", "PE");
        InitiativeMatcher.Features fund = mention("Pacific Grid Fund",
                "Chile and Peru will launch the Pacific Grid Fund to coordinate grid interconnection.", "CL", "PE");
        assertThat(InitiativeMatcher.score(alliance, fund, TITLE_WEIGHT)).isLessThan(THRESHOLD);
    }

    @Test
    void aRewordingOfTheSameNamedProgrammeJoins() {
        InitiativeMatcher.Features launch = mention("Humboldt Coastal Monitoring Network",
                "Chile and Peru will launch the Humboldt Coastal Monitoring Network to track fishing fleets.", "CL", "PE");
        InitiativeMatcher.Features agreement = mention("Humboldt Coastal Monitoring Network",
                "Peru and Chile agreed on Tuesday to create the Humboldt Coastal Monitoring Network, officials said.", "PE", "CL");
        assertThat(InitiativeMatcher.score(launch, agreement, TITLE_WEIGHT)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void onlyTitlesWhoseWordsAreAllCapitalisedAreNames() {
        assertThat(ProgrammeName.keyOf("Partnership for Global Infrastructure and Investment")).isPresent();
        assertThat(ProgrammeName.keyOf("Integrated air defense network")).isEmpty();
        assertThat(ProgrammeName.keyOf("Network")).as("one word is a head noun, not a name").isEmpty();
        assertThat(ProgrammeName.keyOf("Baltic Sentinel Drone Coalition")).isEqualTo(ProgrammeName.keyOf("Baltic Sentinel Drone Coalition"));
    }

    @Test
    void theCountedScoreAppliesTheSameRule() {
        InitiativeMatcher.Features a = mention("Andes Orbit Alliance", "x", "CL", "PE");
        InitiativeMatcher.Features b = mention("Pacific Grid Fund", "x", "CL", "PE");
        assertThat(ProgrammeName.adjust(0.9, a.titleTerms(), b.titleTerms())).isZero();
        assertThat(ProgrammeName.adjust(0.2, a.titleTerms(), a.titleTerms())).isEqualTo(1);
        assertThat(ProgrammeName.adjust(0.7, List.of("air", "defense"), a.titleTerms())).isEqualTo(0.7);
    }
}
