package dev.accord.catalog.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Schemas and examples of the OpenAPI document for what the resources answer as a raw Response. */
final class ApiExamples {

    static final String INITIATIVE_PAGE = """
            {"items": [{"id": "3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718", "title": "lunar exploration partnership",
              "summary": "NASA and JAXA are launching a lunar exploration partnership.",
              "evidence": {"sentence": "NASA and JAXA are launching a lunar exploration partnership.", "start": 120, "end": 181},
              "parties": {"countries": ["US", "JP"], "organisations": ["NASA", "JAXA"]}, "topics": ["space"],
              "stage": "launched", "confidence": 0.82, "firstSeenAt": "2024-04-10T09:30:00Z",
              "updatedAt": "2024-04-11T08:00:00Z",
              "url": "https://catalog.example.org/api/initiatives/3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718", "mentions": null}],
             "nextCursor": "MTcxMjc0MTQwMDAwMDAwMHwzZjFjMmE5ZS04YjdkLTVlNGYtYTFiMi1jM2Q0ZTVmNjA3MTg"}""";

    static final String INITIATIVE_CSV = "id,title,summary,stage,topics,countries,organisations,confidence,firstSeenAt,"
            + "updatedAt,evidence,url\r\n3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718,lunar exploration partnership,"
            + "\"NASA and JAXA are launching a lunar exploration partnership, the agencies said.\",launched,space,US;JP,"
            + "NASA;JAXA,0.82,2024-04-10T09:30:00Z,2024-04-11T08:00:00Z,\"NASA and JAXA are launching a lunar exploration "
            + "partnership, the agencies said.\",https://catalog.example.org/api/initiatives/3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718\r\n";

    static final String INITIATIVE_NDJSON = """
            {"id":"3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718","title":"lunar exploration partnership","stage":"launched"}
            {"id":"6a0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d","title":"integrated air defense network","stage":"announced"}
            """;

    static final String INITIATIVE_ATOM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>https://catalog.example.org/api/initiatives?topic=space&amp;format=atom</id>
              <title>Accord catalog: initiatives (topic: space)</title>
              <updated>2024-04-11T08:00:00Z</updated>
              <author><name>Accord catalog</name></author>
              <link rel="self" href="https://catalog.example.org/api/initiatives?topic=space&amp;format=atom" type="application/atom+xml"/>
              <link rel="first" href="https://catalog.example.org/api/initiatives?topic=space&amp;format=atom" type="application/atom+xml"/>
              <link rel="next" href="https://catalog.example.org/api/initiatives?topic=space&amp;format=atom&amp;cursor=MTcx" type="application/atom+xml"/>
              <entry>
                <id>urn:uuid:3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718</id>
                <title>lunar exploration partnership</title>
                <updated>2024-04-11T08:00:00Z</updated>
                <published>2024-04-10T09:30:00Z</published>
                <link rel="alternate" href="https://catalog.example.org/api/initiatives/3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718" type="application/json"/>
                <category term="space"/>
                <summary>NASA and JAXA are launching a lunar exploration partnership.</summary>
              </entry>
            </feed>
            """;

    static final String FACETS = """
            {"total": 42, "topic": [{"value": "space", "count": 30}, {"value": "defense", "count": 12}],
             "country": [{"value": "US", "count": 25}, {"value": "JP", "count": 9}],
             "org": [{"value": "NASA", "count": 18}], "stage": [{"value": "announced", "count": 20},
             {"value": "launched", "count": 22}]}""";

    static final String ARTICLE_PAGE = """
            {"items": [{"id": "0b7e3c52-6f2a-4d8e-9a1b-2c3d4e5f6a7b", "url": "https://news.example.org/state-visit",
              "source": "news.example.org", "title": "State visit deepens space and defense ties",
              "publishedAt": "2024-04-10T06:00:00Z", "ingestedAt": "2024-04-10T09:30:00Z", "language": "en",
              "contentHash": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "topics": ["space", "defense"], "countries": ["US", "JP"], "organisations": ["NASA", "JAXA"],
              "people": ["Fumio Kishida"], "initiativeIds": ["3f1c2a9e-8b7d-5e4f-a1b2-c3d4e5f60718"], "text": null}],
             "nextCursor": null}""";

    static final String BAD_PARAMETER = """
            {"type": "about:blank", "title": "Invalid parameter", "status": 400,
             "detail": "Unknown stage 'rumoured'.", "instance": "/api/initiatives", "parameter": "stage",
             "allowed": ["proposed", "planned", "announced", "agreed", "launched", "expanded", "completed", "suspended", "cancelled"]}""";

    static final String NOT_ACCEPTABLE = """
            {"type": "about:blank", "title": "Not Acceptable", "status": 406,
             "detail": "This list is available as application/json, text/csv, application/x-ndjson, application/atom+xml; ask for one in Accept or with the format parameter.",
             "instance": "/api/initiatives",
             "allowed": ["application/json", "text/csv", "application/x-ndjson", "application/atom+xml"]}""";

    private ApiExamples() {
    }

    @Schema(name = "InitiativePage", description = "One page of catalog entries; nextCursor is null on the last page.")
    record InitiativePage(List<InitiativeView> items, String nextCursor) {
    }

    @Schema(name = "ArticlePage", description = "One page of articles; nextCursor is null on the last page.")
    record ArticlePage(List<ArticleView> items, String nextCursor) {
    }
}
