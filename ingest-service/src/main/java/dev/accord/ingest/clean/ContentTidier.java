package dev.accord.ingest.clean;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Removes what sits inside the article's container without being article: link lists ("Related", "More on
 * this"), share and tag blocks, headings of such blocks, empty wrappers. Prose-rich blocks (many commas) are
 * kept whatever else they hold.
 */
final class ContentTidier {

    private static final String BLOCKS = "div, section, aside, ul, ol, dl, table, form, fieldset, figure, header, "
            + "footer";
    // A block with this many commas is prose, not furniture.
    private static final int PROSE_COMMAS = 10;
    // Less text than this in a block without prose is a label, a counter or a leftover wrapper.
    private static final int MIN_BLOCK_CHARS = 25;
    // Link shares above which a block is a list of links: stricter unless the block is named as article text.
    private static final double LINK_DENSITY_UNNAMED = 0.2;
    private static final double LINK_DENSITY_NAMED = 0.5;
    // A short paragraph this much in links is a teaser for another page; a heading, the title of a link list.
    private static final double LINK_PARAGRAPH_DENSITY = 0.8;
    private static final double LINK_HEADING_DENSITY = 0.33;
    private static final int LINK_PARAGRAPH_MAX_CHARS = 200;
    // A block holding this share of the article's text is the article, whatever its name says ("paywall").
    private static final double ARTICLE_SHARE = 0.5;

    // A paragraph of this many words ending like a sentence, with no more links than this, is prose.
    private static final int SENTENCE_WORDS = 8;
    private static final int SENTENCE_LINKS = 2;
    // A line this short still reads as a sentence of the story from this many words on.
    private static final int SHORT_SENTENCE_WORDS = 3;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…。！？][\"”’»)]*$");

    // Three or more links and nothing else: a card of links, not words of the sentence around it.
    private static final int HOVER_CARD_LINKS = 3;
    private static final double HOVER_CARD_DENSITY = 0.9;

    // "Read more" links closing most items of a list: teasers of other pages, however long their blurbs.
    private static final Pattern READ_MORE = Pattern.compile("(?iu)(?:read (?:more|full story|the rest)|continue reading|"
            + "more|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|leia mais|continua a leggere|lees meer|"
            + "les mer|läs mer|læs mere|czytaj więcej|подробнее|читать далее|続きを読む|阅读全文)\\W*");
    private static final int MIN_TEASERS = 2;
    private static final double TEASER_ITEM_SHARE = 0.6;

    private ContentTidier() {
    }

    static void tidy(Element article) {
        Elements inline = article.select("span, div");
        // Hover cards ("Kristi Noem" with her latest three stories) hide inside sentences; the deepest go first
        // so that the name they hang on stays.
        for (int i = inline.size() - 1; i >= 0; i--) {
            Element card = inline.get(i);
            if (card != article && card.select("a").size() >= HOVER_CARD_LINKS && TextStats.linkDensity(card) >= HOVER_CARD_DENSITY) {
                card.remove();
            }
        }
        Elements blocks = article.select(BLOCKS);
        int articleChars = BlockText.normalise(article.text()).length();
        Set<Element> split = Collections.newSetFromMap(new IdentityHashMap<>());
        split.addAll(SplitArticle.blocks(blocks.stream().filter(ClassHints::isFurniture).toList(),
                block -> block.text().length(), ARTICLE_SHARE * articleChars));
        // Deepest first, so a wrapper is judged on what is left of it.
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            if (block != article && block.parent() != null && !split.contains(block) && isFurniture(block, articleChars)) {
                block.remove();
            }
        }
        for (Element paragraph : article.select("p, h1, h2, h3, h4, h5, h6")) {
            String text = BlockText.normalise(paragraph.text());
            boolean heading = paragraph.normalName().startsWith("h");
            if (ClassHints.sign(paragraph) < 0 || text.length() <= LINK_PARAGRAPH_MAX_CHARS
                    && TextStats.linkDensity(paragraph) >= (heading ? LINK_HEADING_DENSITY : LINK_PARAGRAPH_DENSITY)) {
                paragraph.remove();
            }
        }
    }

    private static boolean isFurniture(Element block, int articleChars) {
        String text = BlockText.normalise(block.text());
        if (isTeaserList(block) && text.length() < ARTICLE_SHARE * articleChars) {
            return true;
        }
        int sign = ClassHints.sign(block);
        boolean prose = TextStats.commas(text) >= PROSE_COMMAS;
        if (sign < 0) {
            // A layout name ("sidebar-grid__container") on one of several blocks of an article split by adverts
            // is no reason to drop prose; names like "comments" or "related" are.
            boolean plainProse = prose && !ClassHints.isDecisivelyFurniture(block)
                    && TextStats.linkDensity(block) < LINK_DENSITY_UNNAMED;
            return text.length() < ARTICLE_SHARE * articleChars && !plainProse;
        }
        if (prose) {
            return false;
        }
        if (text.length() < MIN_BLOCK_CHARS) {
            // Pages that set each paragraph in a div of its own have short ones too: "Alden stared at him."
            return !(isSentence(text, SHORT_SENTENCE_WORDS) && block.select("a").isEmpty());
        }
        double linkDensity = TextStats.linkDensity(block);
        // A wrapper of most of the article is held to the laxer bar: its links are the article's own, and so are
        // those of a short paragraph that reads as a sentence around a link or two ("... applied to Nato in 2022").
        boolean wrapsArticle = text.length() >= ARTICLE_SHARE * articleChars;
        boolean linkedSentence = block.select("a").size() <= SENTENCE_LINKS && isSentence(text, SENTENCE_WORDS);
        return linkDensity > (sign > 0 || wrapsArticle || linkedSentence ? LINK_DENSITY_NAMED : LINK_DENSITY_UNNAMED);
    }

    /** A list whose items mostly close with a "Read more" link to another page. */
    private static boolean isTeaserList(Element block) {
        Elements items = block.children();
        if (items.size() < MIN_TEASERS) {
            return false;
        }
        int teasers = 0;
        for (Element item : items) {
            if (item.select("a").stream().anyMatch(link -> READ_MORE.matcher(BlockText.normalise(link.text())).matches())) {
                teasers++;
            }
        }
        return teasers >= MIN_TEASERS && teasers >= TEASER_ITEM_SHARE * items.size();
    }

    private static boolean isSentence(String text, int minWords) {
        return SENTENCE_END.matcher(text).find() && text.split("\\s+").length >= minWords;
    }
}
