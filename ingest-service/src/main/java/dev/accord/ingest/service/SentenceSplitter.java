package dev.accord.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits cleaned text into sentences, keeping each one's offsets so evidence can point back into the text. */
@ApplicationScoped
public class SentenceSplitter {

    public List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                sentences.add(new Sentence(text.substring(from, to), from, to));
            }
        }
        return sentences;
    }
}
