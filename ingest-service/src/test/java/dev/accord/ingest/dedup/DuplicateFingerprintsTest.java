package dev.accord.ingest.dedup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.ingest.intake.UrlCanonicalizer;
import dev.accord.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class DuplicateFingerprintsTest {

    @Test
    void trackingParametersFragmentsAndWrappersDoNotChangeTheCanonicalUrl() {
        String canonical = UrlCanonicalizer.canonical("https://thehill.com/policy/4586-kishida?id=7");
        assertThat(UrlCanonicalizer.canonical("HTTPS://TheHill.com:443/policy/4586-kishida/?utm_source=tw&id=7&fbclid=x#comments"))
                .isEqualTo(canonical);
        assertThat(UrlCanonicalizer.canonical(
                "https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fthehill.com%2Fpolicy%2F4586-kishida%3Fid%3D7&ct=ga"))
                .isEqualTo(canonical);
        assertThat(UrlCanonicalizer.canonical("https://thehill.com/policy/4586-kishida?id=8")).isNotEqualTo(canonical);
    }

    @Test
    void nearIdenticalTextsHaveCloseSimhashesAndDifferentTextsDoNot() {
        String seed = Fixtures.seedArticle();
        long original = SimHash.of(seed);
        long edited = SimHash.of(seed.replace("Be First to Comment", "").replace("Tuesday night", "Tuesday evening"));
        long other = SimHash.of("The National Park Service said that 158 trees would have to be cut down for the "
                + "renovation of the Tidal Basin, a project expected to take three years and cost millions.");
        assertThat(SimHash.distance(original, edited)).isLessThanOrEqualTo(DuplicateDetector.NEAR_DUPLICATE_BITS);
        assertThat(SimHash.distance(original, other)).isGreaterThan(10);
    }
}
