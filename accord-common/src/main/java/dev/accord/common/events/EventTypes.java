package dev.accord.common.events;

/** CloudEvents {@code type} values, one per kind of event Accord publishes. */
public final class EventTypes {

    public static final String ARTICLE_INGESTED = "accord.article.ingested";
    public static final String INITIATIVE_EXTRACTED = "accord.initiative.extracted";
    public static final String INITIATIVE_CATALOGED = "accord.initiative.cataloged";
    public static final String INITIATIVE_UPDATED = "accord.initiative.updated";
    public static final String ARTICLE_CATALOGED = "accord.article.cataloged";

    private EventTypes() {
    }
}
