package dev.accord.catalog.api;

import dev.accord.catalog.api.CsvTable.Column;
import dev.accord.catalog.recording.CatalogEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The CSV columns and Atom entries of the initiative and article lists. */
@ApplicationScoped
public class ListShapes {

    private final ListShape<InitiativeView> initiatives;
    private final ListShape<ArticleView> articles;

    public ListShapes(CatalogEvents links) {
        initiatives = new ListShape<>("Accord catalog: initiatives", new CsvTable<InitiativeView>(List.of(
                new Column<>("id", InitiativeView::id),
                new Column<>("title", InitiativeView::title),
                new Column<>("summary", InitiativeView::summary),
                new Column<>("stage", InitiativeView::stage),
                new Column<>("topics", InitiativeView::topics),
                new Column<>("countries", i -> i.parties().countries()),
                new Column<>("organisations", i -> i.parties().organisations()),
                new Column<>("confidence", InitiativeView::confidence),
                new Column<>("firstSeenAt", InitiativeView::firstSeenAt),
                new Column<>("updatedAt", InitiativeView::updatedAt),
                new Column<>("evidence", i -> i.evidence().sentence()),
                new Column<>("url", InitiativeView::url))),
                i -> new AtomFeed.Entry(i.id(), i.title(), i.updatedAt(), i.firstSeenAt(), i.summary(), i.url(), null,
                        i.topics()));
        articles = new ListShape<>("Accord catalog: articles", new CsvTable<ArticleView>(List.of(
                new Column<>("id", ArticleView::id),
                new Column<>("title", ArticleView::title),
                new Column<>("url", ArticleView::url),
                new Column<>("source", ArticleView::source),
                new Column<>("publishedAt", ArticleView::publishedAt),
                new Column<>("ingestedAt", ArticleView::ingestedAt),
                new Column<>("language", ArticleView::language),
                new Column<>("topics", ArticleView::topics),
                new Column<>("countries", ArticleView::countries),
                new Column<>("organisations", ArticleView::organisations),
                new Column<>("people", ArticleView::people),
                new Column<>("initiativeIds", ArticleView::initiativeIds),
                new Column<>("catalogUrl", a -> links.articleUrl(a.id())))),
                a -> new AtomFeed.Entry(a.id(), a.title(), a.ingestedAt(), a.publishedAt(), null,
                        links.articleUrl(a.id()), a.url(), a.topics()));
    }

    public ListShape<InitiativeView> initiatives() {
        return initiatives;
    }

    public ListShape<ArticleView> articles() {
        return articles;
    }
}
