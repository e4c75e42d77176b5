package dev.accord.ingest.extract;

import dev.accord.ingest.text.Gazetteer;
import dev.accord.ingest.text.Sentence;
import dev.accord.ingest.text.Token;
import java.util.List;

/**
 * A clause that may announce an initiative: its words, the verb that would put the initiative in
 * motion ({@code trigger}, null for a verbless list item), the head noun of what is set up
 * ({@code thing}), and the programme's own name when it has one.
 */
record Candidate(Passage passage, Sentence clause, List<Token> words, Gazetteer.Hit trigger, Gazetteer.Hit thing,
        NamedSpan name) {

    /** A proper name in the clause, [start, end) in text offsets as the clause's words are. */
    record NamedSpan(String text, int start, int end) {
    }

    String triggerClass() {
        return trigger == null ? "none" : trigger.key().substring(0, trigger.key().indexOf(':'));
    }

    String triggerLemma() {
        return trigger == null ? "none" : trigger.key().substring(trigger.key().indexOf(':') + 1);
    }
}
