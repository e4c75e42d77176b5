package dev.accord.alert.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {

    private static final EventDocument JAPAN_AIR_DEFENSE = EventDocument.of(Set.of(EventKind.INITIATIVE_CATALOGED),
            List.of("defense", "technology"), List.of("US", "JP"), List.of("JAXA"), "launched",
            List.of("Co-development of an Air-Defense interceptor", "The allies will co-produce missiles."));

    @Test
    void everyFilledListMustMatchAndAnyValueWithinOneDoes() {
        assertThat(filter(List.of("space", "defense"), List.of("jp"), List.of(), List.of(), null).matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(filter(List.of("space"), List.of("JP"), List.of(), List.of(), null).matches(JAPAN_AIR_DEFENSE)).isFalse();
        assertThat(filter(List.of(), List.of(), List.of("jaxa"), List.of(), null).matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(filter(List.of(), List.of(), List.of(), List.of(), null).matches(JAPAN_AIR_DEFENSE)).isTrue();
    }

    @Test
    void keywordsMatchWholeWordsAndPhrasesIgnoringCaseAndPunctuationBetweenWords() {
        assertThat(keywords("air defense").matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(keywords("\"AIR DEFENSE\"").matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(keywords("missiles").matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(keywords("missile").matches(JAPAN_AIR_DEFENSE)).isFalse();
        assertThat(keywords("fense").matches(JAPAN_AIR_DEFENSE)).isFalse();
        assertThat(keywords("defense interceptor").matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(keywords("interceptor defense").matches(JAPAN_AIR_DEFENSE)).isFalse();
        assertThat(keywords("co-produce").matches(JAPAN_AIR_DEFENSE)).isTrue();
    }

    @Test
    void theQueryIsAndedWithTheLists() {
        assertThat(filter(List.of("defense"), List.of(), List.of(), List.of(),
                "(country:JP OR country:AU) AND \"air defense\" AND NOT stage:cancelled").matches(JAPAN_AIR_DEFENSE)).isTrue();
        assertThat(filter(List.of("space"), List.of(), List.of(), List.of(), "country:JP").matches(JAPAN_AIR_DEFENSE)).isFalse();
        assertThat(filter(List.of(), List.of(), List.of(), List.of(), "NOT org:jaxa").matches(JAPAN_AIR_DEFENSE)).isFalse();
    }

    @Test
    void onlyTheChosenEventKindsMatch() {
        SubscriptionFilter stageChanges = SubscriptionFilter.compile(new FilterSpec(null, List.of("JP"), null, null, null,
                List.of("initiative.stage-changed")));
        assertThat(stageChanges.matches(JAPAN_AIR_DEFENSE)).isFalse();
        EventDocument changed = EventDocument.of(Set.of(EventKind.INITIATIVE_STAGE_CHANGED, EventKind.INITIATIVE_MENTIONED),
                List.of(), List.of("JP"), List.of(), "expanded", List.of("text"));
        assertThat(stageChanges.matches(changed)).isTrue();
        assertThat(SubscriptionFilter.compile(new FilterSpec(null, null, null, null, null, null)).kinds())
                .containsExactly(EventKind.INITIATIVE_CATALOGED);
    }

    @Test
    void everyInvalidValueIsReportedWithItsField() {
        assertThatThrownBy(() -> SubscriptionFilter.compile(new FilterSpec(List.of("defense", "defence"), List.of("JP", "XX1",
                "UK"), List.of(" "), List.of("...", "ok"), "country:JP AND (", List.of("initiative.cataloged", "initiative.deleted"))))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.violations()).extracting(
                        FilterException.Violation::field).containsExactly("filter.topics[1]", "filter.countries[1]",
                                "filter.countries[2]", "filter.orgs[0]", "filter.keywords[0]", "events[1]", "filter.query"));
        FilterException error = org.junit.jupiter.api.Assertions.assertThrows(FilterException.class,
                () -> SubscriptionFilter.compile(new FilterSpec(null, null, null, null, "space AND (country:JP OR", null)));
        assertThat(error.violations().get(0).position()).isEqualTo(24);
    }

    @Test
    void userAssignedCountryCodesAreAcceptedAndNonsenseIsNot() {
        assertThat(Taxonomy.isCountry("JP")).isTrue();
        assertThat(Taxonomy.isCountry("XK")).isTrue();
        assertThat(Taxonomy.isCountry("QM")).isTrue();
        assertThat(Taxonomy.isCountry("UK")).isFalse();
        assertThat(Taxonomy.isCountry("jp")).isFalse();
        assertThat(Taxonomy.isCountry("ÄÖ")).isFalse();
    }

    @Test
    void updateKindsAreReadLeniently() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ChangeKinds.ofUpdate(json.readTree("{\"id\":1}"))).containsExactly(EventKind.INITIATIVE_MENTIONED);
        assertThat(ChangeKinds.ofUpdate(json.readTree("{\"change\":\"stage\"}"))).containsExactly(EventKind.INITIATIVE_STAGE_CHANGED);
        assertThat(ChangeKinds.ofUpdate(json.readTree("{\"changes\":[\"STAGE_CHANGED\",\"new-mention\"]}")))
                .containsExactlyInAnyOrder(EventKind.INITIATIVE_STAGE_CHANGED, EventKind.INITIATIVE_MENTIONED);
        assertThat(ChangeKinds.ofUpdate(json.readTree("{\"changeKind\":\"merged\"}"))).isEmpty();
    }

    private static SubscriptionFilter keywords(String keyword) {
        return filter(List.of(), List.of(), List.of(), List.of(keyword), null);
    }

    private static SubscriptionFilter filter(List<String> topics, List<String> countries, List<String> orgs,
            List<String> keywords, String query) {
        return SubscriptionFilter.compile(new FilterSpec(topics, countries, orgs, keywords, query, null));
    }
}
