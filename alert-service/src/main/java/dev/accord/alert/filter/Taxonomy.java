package dev.accord.alert.filter;

import java.util.Locale;
import java.util.Set;

/**
 * The closed vocabularies a filter is checked against: the topics and stages of the event contract
 * ({@code initiative-extracted.v1.json}) and ISO 3166-1 alpha-2 country codes.
 */
public final class Taxonomy {

    public static final Set<String> TOPICS = Set.of("defense", "intelligence", "space", "technology", "trade",
            "energy-climate", "health", "diplomacy", "culture", "education", "economy", "security", "humanitarian", "other");

    public static final Set<String> STAGES = Set.of("proposed", "planned", "announced", "agreed", "launched", "expanded",
            "completed", "suspended", "cancelled");

    private static final Set<String> ASSIGNED_COUNTRIES = Set.of(Locale.getISOCountries());

    private Taxonomy() {
    }

    /**
     * An officially assigned alpha-2 code, or one of the ranges ISO 3166-1 reserves for user assignment
     * (AA, QM–QZ, XA–XZ, ZZ), which some sources use for regions and entities such as Kosovo (XK).
     */
    public static boolean isCountry(String code) {
        if (code == null || code.length() != 2 || !Character.isUpperCase(code.charAt(0)) || !Character.isUpperCase(code.charAt(1))
                || code.charAt(0) > 'Z' || code.charAt(1) > 'Z') {
            return false;
        }
        char first = code.charAt(0);
        char second = code.charAt(1);
        boolean userAssigned = code.equals("AA") || code.equals("ZZ") || first == 'X' || (first == 'Q' && second >= 'M');
        return userAssigned || ASSIGNED_COUNTRIES.contains(code);
    }
}
