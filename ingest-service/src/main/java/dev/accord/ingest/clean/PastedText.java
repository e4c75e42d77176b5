package dev.accord.ingest.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article text pasted from a page (one paragraph a line): furniture lines go, a "Source: ..." line names the
 * source, a first short line without a full stop is the headline, and the page's comment section (from "Leave
 * a Reply", "Be First to Comment", "12 Comments" on, in the text's second half) goes with everything after it.
 */
record PastedText(List<String> paragraphs, String title, String source) {

    private static final Pattern SOURCE_LINE = Pattern.compile("(?i)^source:\\s*(.{1,100})$");
    private static final Pattern COMMENT_SECTION = Pattern.compile("(?i)^(?:be (?:the )?first to comment"
            + "|leave a (?:reply|comment)|\\d+ (?:comments?|responses?|replies)|comments?|join the (?:conversation|discussion)"
            + "|(?:show|view|load) comments|what do you think\\?)$");
    // A headline is short and ends without a full stop, unless the stop is an initialism's ("for U.S.").
    private static final int MAX_HEADLINE_CHARS = 200;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;,]$");
    private static final Pattern INITIALISM_END = Pattern.compile("\\b(?:\\p{Lu}\\.){2,}$");

    static PastedText read(String raw, String givenTitle, String givenSource) {
        List<String> kept = new ArrayList<>();
        String source = givenSource;
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n');
        int offset = 0;
        for (String line : text.split("\n")) {
            int lineStart = offset;
            offset += line.length() + 1;
            String stripped = BlockText.normalise(line);
            Matcher sourceLine = SOURCE_LINE.matcher(stripped);
            if (COMMENT_SECTION.matcher(stripped).matches() && lineStart > text.length() / 2) {
                break;
            }
            if (sourceLine.matches()) {
                source = PageMetadata.firstNonBlank(source, sourceLine.group(1));
            } else if (!stripped.isEmpty() && !BoilerplateLines.isFurniture(stripped)) {
                kept.add(stripped);
            }
        }
        String title = givenTitle == null || givenTitle.isBlank() ? null : givenTitle.strip();
        if (title == null && kept.size() > 1 && isHeadline(kept.get(0))) {
            title = kept.remove(0);
        }
        return new PastedText(kept, title, source);
    }

    private static boolean isHeadline(String line) {
        return line.length() <= MAX_HEADLINE_CHARS
                && (!SENTENCE_END.matcher(line).find() || INITIALISM_END.matcher(line).find());
    }
}
