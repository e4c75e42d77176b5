package dev.accord.ingest.extract;

import dev.accord.ingest.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Cuts cleaned text into passages: blocks (paragraphs, list items, headings) at line breaks, then
 * sentences inside each block with OpenNLP's English sentence model, which keeps "U.S." and "Gen."
 * inside their sentence where {@link java.text.BreakIterator} split them.
 */
final class Segmenter {

    private static final Pattern BLOCK = Pattern.compile("[^\\n]+");
    /** Bullet marks that start a list item. */
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•·▪●◦‣*–-]|\\d{1,2}[.)])\\s+");
    private static final int MAX_HEADING_WORDS = 12;

    private Segmenter() {
    }

    static List<Passage> passages(String text) {
        List<Passage> passages = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        String heading = null;
        int paragraph = 0;
        while (block.find()) {
            String content = block.group();
            if (content.isBlank()) {
                continue;
            }
            if (isHeading(content)) {
                heading = content.strip();
                continue;
            }
            boolean listItem = BULLET.matcher(content).find();
            for (Span span : EnglishModels.runners().sentences.sentPosDetect(content)) {
                int from = block.start() + span.getStart();
                int to = block.start() + span.getEnd();
                while (from < to && Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
                while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                    to--;
                }
                if (to > from) {
                    passages.add(new Passage(new Sentence(text.substring(from, to), from, to), paragraph, heading, listItem));
                }
            }
            paragraph++;
        }
        return passages;
    }

    /** A short line without closing punctuation that is not a bullet: "Defense and Security", "Space". */
    static boolean isHeading(String block) {
        String stripped = block.strip();
        if (stripped.isEmpty() || BULLET.matcher(stripped).find() || !Character.isUpperCase(stripped.codePointAt(0))) {
            return false;
        }
        char last = stripped.charAt(stripped.length() - 1);
        if (".!?:;,\"”’)".indexOf(last) >= 0) {
            return false;
        }
        return stripped.split("\\s+").length <= MAX_HEADING_WORDS;
    }
}
