package dev.accord.console.catalog;

import dev.accord.console.web.ApiClient;
import dev.accord.console.web.ConsoleConfig;
import dev.accord.console.web.Query;
import jakarta.enterprise.context.ApplicationScoped;

/** catalog-service's public query API, as the console reads it. */
@ApplicationScoped
public class CatalogClient {

    static final int PAGE_SIZE = 25;

    private final ApiClient api;
    private final String publicUrl;

    public CatalogClient(ConsoleConfig config) {
        this.api = new ApiClient(config.catalogUrl(), config.timeout());
        String url = config.publicCatalogUrl().orElse(config.catalogUrl()).toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public InitiativePage search(Search search) {
        Query query = search.filters().add("limit", String.valueOf(PAGE_SIZE)).add("cursor", search.cursor);
        return api.get("/api/initiatives?" + query, InitiativePage.class);
    }

    public Facets facets(Search search) {
        return api.get("/api/initiatives/facets?" + search.filters(), Facets.class);
    }

    public Initiative initiative(String id) {
        return api.get("/api/initiatives/" + id, Initiative.class);
    }

    /** The catalog's own link to the search in another format (csv, atom), for the browser. */
    public String exportUrl(Search search, String format) {
        return publicUrl + "/api/initiatives?" + search.filters().add("format", format);
    }
}
