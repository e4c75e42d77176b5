package dev.accord.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void anAgreementComesAfterAnAnnouncementAndBeforeALaunch() {
        assertThat(Stage.ANNOUNCED.isAdvancedBy(Stage.AGREED)).isTrue();
        assertThat(Stage.AGREED.isAdvancedBy(Stage.LAUNCHED)).isTrue();
        assertThat(Stage.LAUNCHED.isAdvancedBy(Stage.AGREED)).isFalse();
    }

    @Test
    void aSuspendedInitiativeResumesOrEndsButDoesNotGoBackToPlanning() {
        assertThat(Stage.LAUNCHED.isAdvancedBy(Stage.SUSPENDED)).isTrue();
        assertThat(Stage.SUSPENDED.isAdvancedBy(Stage.LAUNCHED)).isTrue();
        assertThat(Stage.SUSPENDED.isAdvancedBy(Stage.CANCELLED)).isTrue();
        assertThat(Stage.SUSPENDED.isAdvancedBy(Stage.PLANNED)).isFalse();
        assertThat(Stage.PLANNED.isAdvancedBy(Stage.SUSPENDED)).as("nothing runs yet to be paused").isFalse();
    }

    @Test
    void completedAndCancelledAreFinal() {
        for (Stage next : Stage.values()) {
            assertThat(Stage.COMPLETED.isAdvancedBy(next)).isFalse();
            assertThat(Stage.CANCELLED.isAdvancedBy(next)).isFalse();
        }
    }

    @Test
    void everyStageOfTheContractParses() {
        assertThat(Stage.allowed()).containsExactly("proposed", "planned", "announced", "agreed", "launched", "expanded", "completed",
                "suspended", "cancelled");
    }
}
