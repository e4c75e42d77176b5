package dev.accord.console.catalog;

import dev.accord.console.web.ApiException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;

/** The catalog pages: search with facets, and one initiative with its evidence, timeline and mentions. */
@Path("/initiatives")
@Produces(MediaType.TEXT_HTML)
public class InitiativePages {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Search search, InitiativePage page, Facets facets, String csvUrl, String atomUrl,
                String nextUrl, String error);

        static native TemplateInstance detail(Initiative initiative);
    }

    private final CatalogClient catalog;

    public InitiativePages(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GET
    public String list(@BeanParam Search search) {
        try {
            InitiativePage page = catalog.search(search);
            Facets facets = catalog.facets(search);
            String next = page.nextCursor() == null ? null : "/initiatives?" + search.filters().add("cursor", page.nextCursor());
            return Templates.list(search, page, facets, catalog.exportUrl(search, "csv"), catalog.exportUrl(search, "atom"), next, null)
                    .render();
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            // A filter the catalog refuses (a malformed date, say) is shown on the form, not as an error page.
            return Templates.list(search, new InitiativePage(List.of(), null), null, null, null, null, e.getMessage())
                    .render();
        }
    }

    @GET
    @Path("/{id}")
    public String detail(@PathParam("id") String id) {
        if (!ID.matcher(id).matches()) {
            throw new ApiException(404, "No initiative " + id);
        }
        return Templates.detail(catalog.initiative(id)).render();
    }
}
