package dev.accord.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.testsupport.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateCleanerTest {

    private final BoilerplateCleaner cleaner = new BoilerplateCleaner();

    private static final String FIRST = "Japan and the United States agreed on Wednesday to set up a joint "
            + "operations command, the largest change to their alliance in decades, officials said.";
    private static final String SECOND = "The two countries will also launch a council to co-produce missiles, "
            + "expand intelligence sharing, and train together more often, according to a statement.";
    private static final String THIRD = "Australia, which was not part of the talks, welcomed the plans and said "
            + "it would join an integrated air defence network with both countries next year.";

    private static final String FOURTH = "The command will sit in Tokyo, and its first commander will be named before the end of "
            + "the year, the defence ministry said in a statement on Thursday evening.";

    private CleanedArticle cleanHtml(String html) {
        return cleaner.clean(new ArticleDraft("https://news.example.org/a", null, null, null, html, null));
    }

    @Test
    void pageFurnitureGoesAndTheArticleStaysParagraphByParagraph() {
        String html = """
                <html lang="en"><head><title>Allies agree command</title></head><body>
                <a class="skip-link" href="#main">Skip to content</a>
                <header class="site-header"><div class="logo">Example News</div>
                  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
                </header>
                <div id="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
                <main><article class="post">
                  <h1>Allies agree command</h1>
                  <div class="share-tools"><a href="https://twitter.com/share">Share on Twitter</a> <a href="mailto:">Email</a></div>
                  <div class="entry-content">
                    <p>%s</p>
                    <div class="newsletter-signup"><h3>Get our morning briefing</h3><p>Sign up for the newsletter, it is free, quick, and easy to cancel, whenever you like.</p><form><input type="email"><button>Subscribe</button></form></div>
                    <p>%s</p>
                    <aside class="related-stories"><h3>Related</h3><ul><li><a href="/x">China protests new alliance plans</a></li><li><a href="/y">What the summit means for trade</a></li></ul></aside>
                    <p>%s</p>
                  </div>
                </article>
                <section id="comments" class="comments-area"><h2>Leave a Reply</h2>
                  <p>Your email address will not be published. Required fields are marked *</p>
                  <form><textarea></textarea><input type="submit" value="Post Comment"></form>
                  <ol class="comment-list"><li class="comment"><p>Great article, thanks, I learned a lot, really, from reading this, honestly.</p></li></ol>
                </section></main>
                <footer><p>© 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
                </body></html>""".formatted(FIRST, SECOND, THIRD);

        CleanedArticle article = cleanHtml(html);

        assertThat(article.text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
        assertThat(article.title()).isEqualTo("Allies agree command");
        assertThat(article.language()).isEqualTo("en");
    }

    @Test
    void aLinkNamedLikeFurnitureInsideASentenceKeepsItsWords() {
        String html = """
                <html><body><article><div class="story">
                <p>After nearly 20 years the government plans to lift sanctions on <a class="meta-loc" href="/topics/sudan">Sudan</a>
                and to reopen its embassy, officials said late on Thursday, in a statement, to reporters.</p>
                <p>%s</p><p>%s</p>
                <p class="byline"><span class="author-name">By Jane Doe</span></p>
                </div></article></body></html>""".formatted(FIRST, SECOND);

        String text = cleanHtml(html).text();

        assertThat(text).contains("lift sanctions on Sudan and to reopen its embassy").doesNotContain("Jane Doe");
    }

    @Test
    void aSlideshowsNumberedCaptionsGoEvenWhenTheyOutweighTheStory() {
        StringBuilder slides = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            slides.append("<li><h2><span class=\"counter\">%d/12</span> Picture %d</h2><p>%s</p></li>".formatted(i, i, FOURTH));
        }
        String html = """
                <html><body><div class="text-wrapper">
                <div class="widget"><ul class="legends">%s</ul></div>
                <p>%s</p><p>%s</p><p>%s</p>
                </div></body></html>""".formatted(slides, FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
    }

    @Test
    void aShortStoryWithItsLinksOutlivesTheCommentThreadBelowIt() {
        String comment = "<li class=\"comment\"><div class=\"comment-body\"><p>%s</p><p>%s</p></div></li>";
        String html = """
                <html><body><section class="main">
                <article class="story"><div class="body"><div class="p">
                <a href="https://a.example">Reader</a> writes: a <a href="https://b.example">talk show</a> with former
                officials says the agency reads <a href="https://c.example">everything</a>, including metadata from phone
                calls, and keeps it for years, while the <a href="https://d.example">court</a> never looks at it.
                </div></div></article>
                <section id="comments"><ul class="commentlisting">%s%s%s</ul></section>
                </section></body></html>""".formatted(comment.formatted(FIRST, SECOND), comment.formatted(THIRD, FOURTH),
                comment.formatted(SECOND, THIRD));

        String text = cleanHtml(html).text();

        assertThat(text).startsWith("Reader writes: a talk show with former officials").doesNotContain(FIRST);
    }

    @Test
    void aCommentThreadKeptInlineWithThePostIsCutAtItsHeading() {
        String html = """
                <html><body><div class="content">
                <p>%s</p><p>%s</p>
                <p class="posted">Posted by Kathy on April 6, 2007 | Permalink</p>
                <h2>Comments</h2>
                <p>%s</p><p class="posted">Posted by: Andrew | Mar 26, 2007 2:00:18 PM</p>
                <p>%s</p><p class="posted">Posted by: Robby Russell | Mar 26, 2007 2:01:23 PM</p>
                </div></body></html>""".formatted(FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND);
    }

    @Test
    void aSectionOfTheArticleCalledCommentsStays() {
        String html = """
                <html><body><article><div class="story">
                <p>%s</p><h2>Comments</h2><p>%s</p><p>%s</p>
                </div></article></body></html>""".formatted(FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).contains(SECOND, THIRD);
    }

    @Test
    void aPullQuoteRepeatingTheArticleGoesButAFloatedBlockStays() {
        String html = """
                <html><body><article><div class="story">
                <p>%s</p>
                <blockquote class="pull-quote">the largest change to their alliance in decades</blockquote>
                <p>%s</p>
                <div class="pull-right"><p>%s</p></div>
                <p>%s</p>
                </div></article></body></html>""".formatted(FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD + "\n\n" + FOURTH);
    }

    @Test
    void aShortParagraphBlockWithALinkInItsSentenceStays() {
        String linked = "Having been neutral for decades, both <a href=\"/news/nato\">applied to Nato in May 2022</a>, "
                + "shortly after Russia invaded.";
        String html = """
                <html><body><article>
                <div class="block"><p>%s</p></div><div class="block"><p>%s</p></div>
                <div class="block"><p>%s</p></div><div class="block"><p>%s</p></div>
                </article></body></html>""".formatted(FIRST, linked, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).contains("both applied to Nato in May 2022, shortly after Russia invaded.");
    }

    @Test
    void aBlogPostsTagClassesDoNotMakeItFurniture() {
        String html = """
                <html><body><div id="main">
                <div class="post-9749 post type-post hentry tag-social-media category-video"><div class="entry">
                <p>%s</p><p>%s</p><p>%s</p><p>%s</p></div></div>
                <div class="author-box"><p>About the author: a writer of many things, in many places, for many years.</p></div>
                </div></body></html>""".formatted(FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD + "\n\n" + FOURTH);
    }

    @Test
    void messagesOfASignUpFormNamedAsContentDoNotOutweighTheArticle() {
        String html = """
                <html><body><main class="main">
                <article><section><p>%s</p><p>%s</p><p>%s</p><p>%s</p></section></article>
                <div class="signup">
                  <div class="main_content">登録できませんでした。ニュースレターの登録に失敗しました。ご覧頂いている記事は、対象外になっています。</div>
                  <div class="main_content">ご登録ありがとうございました。入力いただいたメールアドレスにメールを送付しました。</div>
                  <div class="main_content">登録済みです。入力いただきましたメールアドレスは既に登録済みとなっております。</div>
                </div></main></body></html>""".formatted(FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD + "\n\n" + FOURTH);
    }

    @Test
    void anArticleSplitByAnAdvertIsKeptWhole() {
        String html = """
                <html><body><div class="layout">
                <section class="row"><div class="story-text"><p>%s</p><p>%s</p></div></section>
                <section class="row"><div class="ad-slot"><p class="label">Advertisement</p></div></section>
                <section class="row"><div class="story-text"><p>%s</p></div></section>
                <section class="row"><div class="promo"><a href="/subscribe">Subscribe for a year, save fifty percent, today, now, here</a></div></section>
                </div></body></html>""".formatted(FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
    }

    @Test
    void aTeaserInTheMarkupGivesWayToTheWholeArticleItsJsonLdStates() {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rest.add("Paragraph " + i + " of the story goes on behind the paywall, where the officials explain what "
                    + "the joint command will do, who will lead it and how much it will cost over the coming years.");
        }
        String body = String.join("\\n\\n", List.of(FIRST, SECOND)) + "\\n\\n" + String.join("\\n\\n", rest);
        String html = """
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Allies agree command","articleBody":"%s"}
                </script></head><body><article><p>%s</p><p>%s</p>
                <div class="paywall-prompt"><a href="/subscribe">Subscribe to keep reading</a></div></article></body></html>"""
                .formatted(body, FIRST, SECOND);

        String text = cleanHtml(html).text();

        assertThat(text).startsWith(FIRST + "\n\n" + SECOND).endsWith(rest.get(11));
        assertThat(text.split("\n\n")).hasSize(14);
    }

    @Test
    void aJsonLdBodyAboutSomethingElseDoesNotReplaceTheArticle() {
        String other = ("A different story about the weather in the mountains, with rain expected over the weekend "
                + "and snow above two thousand metres, the forecasters said on Friday afternoon. ").repeat(20);
        String html = """
                <html><head><script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","articleBody":"%s"}
                </script></head><body><article><p>%s</p><p>%s</p><p>%s</p><p>%s</p></article></body></html>"""
                .formatted(other, FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(String.join("\n\n", FIRST, SECOND, THIRD, FOURTH));
    }

    @Test
    void anArticleInBlocksWhoseCommonAncestorIsOutOfScoringReachIsKeptWhole() {
        // Four equal blocks, each five wrappers deep: the ancestor that joins them scores nothing of its own.
        String block = "<div><div><div><div><div class='copy'><p>%s</p><p>%s</p><p>%s</p></div></div></div></div></div>"
                .formatted(FIRST, SECOND, THIRD);
        String html = "<html><body><div class='page'><div class='wrap'>" + block.repeat(4) + "</div></div></body></html>";

        String text = cleanHtml(html).text();

        assertThat(text).startsWith(FIRST).endsWith(THIRD);
        assertThat(text.split("\n\n")).hasSize(3);
    }

    @Test
    void anArticleSplitByAdvertsIntoBlocksWithALayoutNameIsKeptWhole() {
        // "sidebar" names the page's layout here; no block holds most of the article, all of them together do.
        String html = """
                <html><body><main><article><h1>Allies agree command</h1>
                <div class="sidebar-grid">
                  <div class="sidebar-grid__container"><div class="sidebar-grid__content"><p>%s</p></div></div>
                  <div class="ad ad__instory"><span class="ad-label">Advertisement</span></div>
                  <div class="sidebar-grid__container"><div class="sidebar-grid__content"><p>%s</p></div>
                    <aside class="sidebar-grid__sidebar"><div class="ad">Advertisement</div></aside></div>
                  <div class="ad ad__instory"><span class="ad-label">Advertisement</span></div>
                  <div class="sidebar-grid__container"><div class="sidebar-grid__content"><p>%s</p></div></div>
                </div></article>
                <aside class="sidebar"><p>Most read: a story about something else entirely, with commas, many, of them.</p></aside>
                </main></body></html>""".formatted(FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).isEqualTo(String.join("\n\n", FIRST, SECOND, THIRD));
    }

    @Test
    void aSplitBlockWhoseParagraphsSitDeepJoinsTheOthers() {
        // The opening block wraps its paragraph nine deep, beyond any paragraph's scoring reach.
        String deep = "<div><div><div><div><div><div><div><div><p>%s</p></div></div></div></div></div></div></div></div>";
        String html = ("<html><body><div class='post'><div class='acf-content'>" + deep + "</div>"
                + "<div class='promo-box'><a href='/x'>Subscribe</a></div>"
                + "<div class='acf-content'><p>%s</p><p>%s</p></div>"
                + "<div class='acf-content'><p>%s</p></div></div></body></html>").formatted(FIRST, SECOND, THIRD, FOURTH);

        assertThat(cleanHtml(html).text()).isEqualTo(String.join("\n\n", FIRST, SECOND, THIRD, FOURTH));
    }

    @Test
    void aListOfTeasersClosingWithReadMoreGoesHoweverLongTheirBlurbs() {
        String teaser = "<li><h3>Another story, on another page</h3><p>%s <a href='/other'>Read more...</a></p></li>";
        String html = ("<html><body><div class='story'><p>%s</p><p>%s</p><p>%s</p>"
                + "<ul>" + teaser.formatted(FOURTH) + teaser.formatted(SECOND.replace("also", "soon"))
                + "</ul></div></body></html>").formatted(FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).isEqualTo(String.join("\n\n", FIRST, SECOND, THIRD));
    }

    @Test
    void aShortSentenceInADivOfItsOwnStaysWhereAShortLabelGoes() {
        String html = ("<html><body><div class='chapter-content'><div><span>%s</span></div><div><span>He did not think so.</span></div>"
                + "<div><span>%s</span></div><div><a href='/next'>Next chapter</a></div><div>Views: 1,024</div>"
                + "<div><span>%s</span></div></div></body></html>").formatted(FIRST, SECOND, THIRD);

        assertThat(cleanHtml(html).text()).isEqualTo(String.join("\n\n", FIRST, "He did not think so.", SECOND, THIRD));
    }

    @Test
    void wordsRunOnAcrossInlineElementsAndBreakAtBlocks() {
        CleanedArticle article = cleanHtml("<html><body><div class='article-body'><p>" + FIRST + "</p><p>NASA's "
                + "<a href='/artemis'>Arte</a><em>mis</em> <span>m</span><b>oon</b> program, which <i>Japan</i>"
                + "<sup>1</sup> joined, has three <abbr>ESA</abbr>-built modules, officials said on Tuesday.</p>"
                + "<p>" + SECOND + "</p></div></body></html>");

        assertThat(article.text()).contains("NASA's Artemis moon program, which Japan1 joined, has three ESA-built "
                + "modules, officials said on Tuesday.");
    }

    @Test
    void lineBreaksAndBlocksSeparateParagraphsWithBlankLines() {
        CleanedArticle article = cleanHtml("<html><body><div class='article-body'><p>" + FIRST + "<br><br>" + SECOND
                + "</p><blockquote>" + THIRD + "</blockquote></div></body></html>");

        assertThat(article.text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
    }

    @Test
    void hiddenElementsAndHoverCardsAreNoText() {
        CleanedArticle article = cleanHtml("<html><body><div class='article-body'><p>The governor, "
                + "<span class='person'><a href='/p/noem'>Kristi Noem</a><span class='card'><a href='/a'>Her first story</a> "
                + "<a href='/b'>Her second story</a> <a href='/c'>Her third story</a></span></span>, defended the campaign, "
                + "which cost the state roughly $449,000, on Monday.</p>"
                + "<p style='display: none'>Hidden teaser text that no reader sees on the page at all.</p>"
                + "<p>" + SECOND + "</p></div></body></html>");

        assertThat(article.text()).isEqualTo("The governor, Kristi Noem, defended the campaign, which cost the state "
                + "roughly $449,000, on Monday.\n\n" + SECOND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><head><title>Nothing</title></head><body></body></html>",
            "<html><body>  \n </body></html>",
            "<html><body><script>var article = 'not text';</script><style>p { color: red }</style></body></html>",
            "<html><body><img src='photo.jpg'><svg><text>chart</text></svg></body></html>",
            "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><div class='share'>Share</div>"
                    + "<footer>Subscribe now</footer></body></html>"})
    void htmlWithoutArticleTextYieldsNoText(String html) {
        assertThat(cleanHtml(html).text()).isEmpty();
    }

    @Test
    void whatTheSubmitterSaysWinsOverWhatThePageSays() {
        String html = "<html lang='de'><head><title>Page title</title><meta property='og:site_name' content='Page Site'>"
                + "<meta property='article:published_time' content='2020-01-01T00:00:00Z'></head>"
                + "<body><article><p>" + FIRST + "</p></article></body></html>";
        Instant stated = Instant.parse("2024-04-10T00:00:00Z");

        CleanedArticle article = cleaner.clean(new ArticleDraft("https://example.org/x", "Given title", "Given source",
                stated, html, null));

        assertThat(article.title()).isEqualTo("Given title");
        assertThat(article.source()).isEqualTo("Given source");
        assertThat(article.publishedAt()).isEqualTo(stated);
        assertThat(article.language()).isEqualTo("de");
        assertThat(article.canonicalUrl()).isEqualTo("https://example.org/x");
    }

    @Test
    void thePagesOwnCanonicalUrlIdentifiesTheArticleUnlessItIsTheSiteRoot() {
        String article = "<body><article><p>" + FIRST + "</p></article></body></html>";
        String tracked = "https://news.example.org/world/allies?utm_source=feed";

        assertThat(cleaner.clean(new ArticleDraft(tracked, null, null, null,
                "<html><head><link rel='canonical' href='/world/allies'></head>" + article, null)).canonicalUrl())
                .isEqualTo("https://news.example.org/world/allies");
        assertThat(cleaner.clean(new ArticleDraft(tracked, null, null, null,
                "<html><head><link rel='canonical' href='https://news.example.org/'></head>" + article, null)).canonicalUrl())
                .isEqualTo(tracked);
    }

    @Test
    void pastedSeedArticleLosesItsPageFurnitureAndKeepsEveryParagraph() {
        String raw = Fixtures.seedArticle();
        List<String> furniture = List.of("Press \"Enter\" to skip to content", "Be First to Comment", "Leave a Reply",
                "Your email address will not be published. Required fields are marked *");
        List<String> lines = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            // Whitespace compares as one space: the sample has no-break spaces and doubled spaces in its lines.
            String stripped = ArticleFixtures.squashed(line);
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        assertThat(lines).as("the sample as shipped").containsAll(furniture).contains("Source: The Hill");
        String headline = lines.get(1);
        List<String> paragraphs = lines.stream()
                .filter(line -> !furniture.contains(line) && !line.equals("Source: The Hill") && !line.equals(headline))
                .toList();

        CleanedArticle article = cleaner.clean(new ArticleDraft(null, null, null, null, null, raw));

        assertThat(article.text().split("\n\n")).containsExactlyElementsOf(paragraphs);
        for (String line : furniture) {
            assertThat(article.text()).doesNotContain(line);
        }
        assertThat(article.source()).isEqualTo("The Hill");
        assertThat(article.title()).isEqualTo(headline).startsWith("Biden admin says Kishida State visit");
    }

    @Test
    void pastedCommentSectionGoesWithTheCommentsUnderIt() {
        String raw = String.join("\n", "Allies agree command", FIRST, SECOND, THIRD, "2 Comments",
                "Reader One: Great news, really great news, thank you.", "Leave a Reply");

        CleanedArticle article = cleaner.clean(new ArticleDraft(null, null, null, null, null, raw));

        assertThat(article.text()).isEqualTo(FIRST + "\n\n" + SECOND + "\n\n" + THIRD);
        assertThat(article.title()).isEqualTo("Allies agree command");
    }

    @Test
    void pastedTextThatIsAllFurnitureYieldsNoText() {
        String raw = "Press \"Enter\" to skip to content\nSubscribe\nLeave a Reply\n";

        assertThat(cleaner.clean(new ArticleDraft(null, null, null, null, null, raw)).text()).isEmpty();
    }

    @Test
    void proseThatMerelyStartsLikeFurnitureIsKept() {
        String raw = "Share prices in Tokyo rose 2 percent after the announcement, led by defence contractors.\n"
                + "Comments from the ministry suggested more orders would follow later this year.";

        assertThat(cleaner.clean(new ArticleDraft(null, "Title", null, null, null, raw)).text())
                .isEqualTo(raw.replace("\n", "\n\n"));
    }
}
