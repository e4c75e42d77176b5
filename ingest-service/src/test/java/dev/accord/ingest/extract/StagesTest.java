package dev.accord.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stage a sentence claims, from its verb's meaning, tense and modality (codebook §3). */
class StagesTest {

    @Test
    void announcingTheLaunchOfAProgrammeReportsAStart() {
        assertThat(Candidates.about("The Department of State announced today the launch of the Gandhi-King Scholarly Exchange "
                + "Initiative.", "Gandhi-King").stage()).isEqualTo("launched");
        assertThat(Candidates.about("The ministry will announce the launch of a coastal monitoring network next month.",
                "coastal monitoring").stage()).isNotEqualTo("launched");
    }

    @Test
    void whatHasBeenProvidedOrFundedIsUnderWayWhileAPledgeIsACommitment() {
        assertThat(Candidates.about("Australia has contributed $1 billion to a fund for the submarine industrial base.",
                "submarine").stage()).isEqualTo("launched");
        assertThat(Candidates.about("Japan pledged $1 billion for a new fund for the submarine industrial base.",
                "submarine").stage()).isNotEqualTo("launched");
        assertThat(Candidates.about("Australia will contribute $1 billion to a fund for the submarine industrial base.",
                "submarine").stage()).isEqualTo("announced");
    }

    @Test
    void aCommitmentToDeepenSomethingThatExistsExpandsIt() {
        assertThat(Candidates.about("The United States and India committed to deepening their space partnership.",
                "space partnership").stage()).isEqualTo("expanded");
        assertThat(Candidates.about("The United States and India committed to a new space partnership.",
                "space partnership").stage()).isNotEqualTo("expanded");
    }

    @Test
    void meaningToIsAPlan() {
        assertThat(Candidates.about("Seoul wants to build a new satellite network to watch the border.", "satellite network")
                .stage()).isEqualTo("planned");
        assertThat(Candidates.about("The two agencies are in discussions to establish a joint research centre.", "research centre")
                .stage()).isEqualTo("planned");
    }

    @Test
    void whatIsUnderConstructionOrInEffectIsRunning() {
        assertThat(Candidates.about("Hyundai's $5.4 billion electric vehicle plant in Georgia is under construction and will "
                + "create 8,100 jobs.", "vehicle plant").stage()).isEqualTo("launched");
    }

    @Test
    void plansToLaunchAreAnnouncedNotLaunched() {
        assertThat(Candidates.about("In January, the space agency announced plans to launch two missions to Mars.", "missions")
                .stage()).isEqualTo("announced");
    }

    @Test
    void liftingABanEndsIt() {
        assertThat(Candidates.about("Ghana has lifted a ban on rice and maize imports due to crop problems.", "ban").stage())
                .isEqualTo("cancelled");
        assertThat(Candidates.about("Ghana will lift a ban on rice and maize imports next month.", "ban").stage())
                .isEqualTo("announced");
    }

    @Test
    void aSignedAgreementGovernsWhatItSetsOutToExplore() {
        assertThat(Candidates.about("The two utilities signed a memorandum of understanding to explore a joint nuclear fuel "
                + "programme.", "nuclear fuel").stage()).isEqualTo("agreed");
        assertThat(Candidates.about("The two utilities will sign a memorandum of understanding to explore a joint nuclear fuel "
                + "programme.", "nuclear fuel").stage()).isNotEqualTo("agreed");
    }
}
