package dev.accord.alert.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which kinds an {@code accord.initiative.updated} event stands for. The catalog says what changed in
 * a field of the payload; this reads it leniently (a string or a list, under any of a few names) so
 * that a producer without the field, or with a newer spelling, still yields something sensible.
 */
public final class ChangeKinds {

    private static final List<String> FIELDS = List.of("change", "changes", "changeKind", "changeKinds", "changeType",
            "changeTypes", "kind");

    private ChangeKinds() {
    }

    /**
     * A change naming a stage is a stage change; one naming a mention or an article is a new mention.
     * Without any such field every update counts as a new mention, since the catalog emits an update
     * when another article mentions an entry; a field naming only changes unknown here notifies nobody.
     */
    public static Set<EventKind> ofUpdate(JsonNode data) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        boolean described = false;
        for (String field : FIELDS) {
            JsonNode value = data == null ? null : data.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            described = true;
            if (value.isArray()) {
                value.forEach(item -> add(kinds, item));
            } else {
                add(kinds, value);
            }
        }
        return described ? kinds : EnumSet.of(EventKind.INITIATIVE_MENTIONED);
    }

    private static void add(Set<EventKind> kinds, JsonNode value) {
        String text = (value.isObject() ? value.path("kind").asText(value.path("type").asText("")) : value.asText(""))
                .toLowerCase(Locale.ROOT);
        if (text.contains("stage")) {
            kinds.add(EventKind.INITIATIVE_STAGE_CHANGED);
        }
        if (text.contains("mention") || text.contains("article")) {
            kinds.add(EventKind.INITIATIVE_MENTIONED);
        }
    }
}
