package dev.accord.common.events;

import java.util.List;

/** Who takes part: countries as ISO 3166-1 alpha-2 codes, and organisations by name. */
public record Parties(List<String> countries, List<String> organisations) {
}
