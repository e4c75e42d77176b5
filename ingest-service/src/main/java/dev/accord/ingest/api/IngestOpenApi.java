package dev.accord.ingest.api;

import dev.accord.common.web.OpenApiConventions;
import java.util.Map;

/** The ingest document's conventions: the batch endpoint's path template matches only {@code articles:batch}. */
public class IngestOpenApi extends OpenApiConventions {

    @Override
    protected Map<String, String> literalPaths() {
        return Map.of("/api/{operation}", "/api/articles:batch");
    }
}
