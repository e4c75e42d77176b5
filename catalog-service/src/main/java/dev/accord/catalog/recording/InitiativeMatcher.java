package dev.accord.catalog.recording;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merge rule, without the database: whether two mentions report the same initiative.
 *
 * <p>They must name compatible parties: when both name countries, one country set contains the
 * other or they share at least half of their union ({US, JP} joins {US, JP, AU}; {US, KR} does not);
 * when either names none, they must share an organisation. Then their wording must be similar: a
 * weighted mean of the overlap of their title stems and of their title-plus-evidence stems reaches
 * the threshold. The title weighs more because one sentence often reports two initiatives, which
 * then share the evidence but not the title. The time window is applied when candidates are looked up.
 */
public final class InitiativeMatcher {

    static final int MIN_TITLE_TERMS = 3;
    static final int MIN_TERMS = 8;
    private static final double MIN_COUNTRY_JACCARD = 0.5;
    private static final String ORG_PREFIX = "org:";

    private InitiativeMatcher() {
    }

    /** What the merge compares of a mention. */
    public record Features(List<String> countries, List<String> organisations, List<String> titleTerms,
            List<String> terms) {

        public static Features of(String title, String evidence, List<String> countries, List<String> organisations) {
            // A name key travels with the title's stems, so the in-memory index and the database keep it without a column.
            return new Features(countries, organisations, ProgrammeName.titleTerms(title), MergeTerms.of(title, evidence));
        }

        /** Keys two compatible mentions always share one of: each country code, and "org:" + each organisation. */
        public List<String> partyKeys() {
            Set<String> keys = new TreeSet<>(countries);
            organisations.forEach(org -> keys.add(orgKey(org)));
            return List.copyOf(keys);
        }
    }

    /**
     * The wording similarity in [0, 1] when the parties are compatible, otherwise -1. Two mentions that name
     * their programmes by different names are different initiatives, however alike the rest of their wording
     * (0); the same name is the same initiative (1).
     */
    public static double score(Features a, Features b, double titleWeight) {
        if (!partiesCompatible(a, b)) {
            return -1;
        }
        double wording = titleWeight * MergeTerms.overlap(a.titleTerms(), b.titleTerms(), MIN_TITLE_TERMS)
                + (1 - titleWeight) * MergeTerms.overlap(a.terms(), b.terms(), MIN_TERMS);
        return ProgrammeName.adjust(wording, a.titleTerms(), b.titleTerms());
    }

    /**
     * The wording part of {@link #score} from counts, for duplicate-free term sets: {@code sharedTitle}
     * title terms in common between sets of {@code titleA} and {@code titleB} terms, {@code shared}
     * title-plus-evidence terms in common between sets of {@code termsA} and {@code termsB}.
     * Computed as {@link #score} computes it, so both give the same double.
     */
    static double wordingScore(int sharedTitle, int titleA, int titleB, int shared, int termsA, int termsB,
            double titleWeight) {
        double title = titleA == 0 || titleB == 0 ? 0
                : MergeTerms.overlap(sharedTitle, Math.min(titleA, titleB), MIN_TITLE_TERMS);
        double all = termsA == 0 || termsB == 0 ? 0 : MergeTerms.overlap(shared, Math.min(termsA, termsB), MIN_TERMS);
        return titleWeight * title + (1 - titleWeight) * all;
    }

    public static boolean partiesCompatible(Features a, Features b) {
        List<String> x = a.countries();
        List<String> y = b.countries();
        if (!x.isEmpty() && !y.isEmpty()) {
            // Set arithmetic on lists of a few codes, without building sets: placement compares many pairs.
            if (x.containsAll(y) || y.containsAll(x)) {
                return true;
            }
            int shared = 0;
            int distinctX = 0;
            for (int i = 0; i < x.size(); i++) {
                String code = x.get(i);
                if (x.indexOf(code) == i) {
                    distinctX++;
                    shared += y.contains(code) ? 1 : 0;
                }
            }
            int distinctY = 0;
            for (int i = 0; i < y.size(); i++) {
                distinctY += y.indexOf(y.get(i)) == i ? 1 : 0;
            }
            return (double) shared / (distinctX + distinctY - shared) >= MIN_COUNTRY_JACCARD;
        }
        return shareAny(a.organisations(), b.organisations());
    }

    private static boolean shareAny(Collection<String> a, Collection<String> b) {
        Set<String> keys = new HashSet<>();
        a.forEach(org -> keys.add(orgKey(org)));
        return b.stream().map(InitiativeMatcher::orgKey).anyMatch(keys::contains);
    }

    static String orgKey(String organisation) {
        return ORG_PREFIX + organisation.strip().toLowerCase(Locale.ROOT);
    }
}
