package dev.accord.catalog.query;

import dev.accord.catalog.config.CatalogConfig;
import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Read side of the catalog. Lists use keyset paging on (time, id), or (rank, time, id) when ordered
 * by relevance, so deep pages cost the same as the first one and concurrent inserts never shift a
 * page. Every value a client sends is a bound parameter; none is ever spliced into SQL text.
 *
 * <p>Entries ordered by relevance are read tier by tier ({@link RelevanceTier}): each tier is a plain
 * filter in (time, id) order, so a page reads about as many rows as it shows instead of ranking every
 * match first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    /** The text-search configuration of the stored tsvector columns (V3 migration); queries must use the same. */
    private static final String TEXT_SEARCH_CONFIG = "'english'";

    private final EntityManager em;
    private final CatalogConfig config;
    private final FacetIndex facetIndex;

    public CatalogQueries(EntityManager em, CatalogConfig config, FacetIndex facetIndex) {
        this.em = em;
        this.config = config;
        this.facetIndex = facetIndex;
    }

    public Optional<Initiative> initiative(UUID id) {
        return Optional.ofNullable(em.find(Initiative.class, id));
    }

    /** The entry a mention was placed in, by the id ingest gave the extracted initiative. */
    public Optional<UUID> entryOfMention(UUID extractedId) {
        List<?> rows = em.createNativeQuery("SELECT initiative_id FROM mention WHERE extracted_id = ?1")
                .setParameter(1, extractedId).getResultList();
        return rows.stream().findFirst().map(row -> (UUID) row);
    }

    /**
     * Where each of these extracted initiatives was placed: the entry its mention joined or started. An initiative
     * whose mention is not consumed yet is absent; its own id will resolve (or redirect) once it is.
     */
    public Map<UUID, UUID> placements(List<UUID> extractedIds) {
        Map<UUID, UUID> placed = new java.util.HashMap<>();
        if (extractedIds.isEmpty()) {
            return placed;
        }
        List<?> rows = em.createNativeQuery("SELECT extracted_id, initiative_id FROM mention WHERE extracted_id IN (:ids)")
                .setParameter("ids", extractedIds.stream().distinct().toList()).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            placed.put((UUID) columns[0], (UUID) columns[1]);
        }
        return placed;
    }

    public Optional<Article> article(UUID id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    /** Up to {@code limit + 1} entries after {@code after}; the extra one tells whether a next page exists. */
    public List<Hit<Initiative>> initiatives(InitiativeFilter filter, ListOrder order, Position after, int limit) {
        if (order == ListOrder.RELEVANCE) {
            return initiativesByRelevance(filter, after, limit);
        }
        Sql where = initiativeConditions(filter);
        return list(Initiative.class, "initiative", "first_seen_at", filter.query(), where, order, after, limit);
    }

    /**
     * Relevance order: tier (title match, then summary, then any other match), then newest, then id.
     * The tiers are read in turn until the page is full; the cursor's rank is the tier of its last row.
     */
    @SuppressWarnings("unchecked")
    private List<Hit<Initiative>> initiativesByRelevance(InitiativeFilter filter, Position after, int limit) {
        List<Hit<Initiative>> page = new ArrayList<>();
        for (RelevanceTier tier : RelevanceTier.values()) {
            if (page.size() > limit) {
                break;
            }
            if (after != null && tier.rank() > after.rank()) {
                continue;
            }
            Sql where = initiativeConditions(filter);
            String query = where.bind(filter.query());
            where.conditions.add(tier.condition("CAST(" + query + " AS text)", TEXT_SEARCH_CONFIG));
            if (after != null && tier.rank() == after.rank()) {
                where.conditions.add("(first_seen_at, id) < (" + where.bind(after.at()) + ", " + where.bind(after.id()) + ")");
            }
            String size = where.bind(limit + 1 - page.size());
            // The first tier lets the planner choose: walking initiative_page_order stops after a page
            // of title matches. Later tiers exclude earlier ones, which the planner cannot estimate (it
            // would walk the whole index when a tier is empty), so their matches are collected from the
            // GIN indexes first and only the page is read back.
            String text = tier == RelevanceTier.TITLE
                    ? "SELECT t.* FROM initiative t WHERE " + where.conditions()
                            + " ORDER BY first_seen_at DESC, id DESC LIMIT " + size
                    : "WITH matched AS MATERIALIZED (SELECT id, first_seen_at FROM initiative WHERE " + where.conditions()
                            + "), page AS (SELECT id, first_seen_at FROM matched ORDER BY first_seen_at DESC, id DESC LIMIT "
                            + size + ") SELECT t.* FROM page p JOIN initiative t ON t.id = p.id"
                            + " ORDER BY p.first_seen_at DESC, p.id DESC";
            List<Initiative> rows = where.bindAll(em.createNativeQuery(text, Initiative.class)).getResultList();
            rows.forEach(row -> page.add(new Hit<>(row, tier.rank())));
        }
        return page;
    }

    public List<Hit<Article>> articles(ArticleFilter filter, ListOrder order, Position after, int limit) {
        Sql where = new Sql();
        where.textSearch(filter.query());
        where.anyOf("topics", filter.topics());
        where.anyOf("countries", filter.countries());
        where.anyOf("organisations", filter.orgs());
        where.range("cataloged_at", filter.from(), filter.until());
        return list(Article.class, "article", "cataloged_at", filter.query(), where, order, after, limit);
    }

    /** Facet counts: from the in-memory {@link FacetIndex}, or in SQL when the filter has a full-text query. */
    public InitiativeFacets facets(InitiativeFilter filter) {
        return FacetIndex.serves(filter) ? facetIndex.count(filter, config.search().facetSize()) : facetsBySql(filter);
    }

    /**
     * Facet counts in one statement: the matching rows are selected once (a CTE used several times is
     * materialised), their arrays unnested and counted, and each facet cut to its most frequent values.
     * Equal counts are ordered by value in the "C" collation, as {@link FacetIndex} orders them.
     */
    @SuppressWarnings("unchecked")
    public InitiativeFacets facetsBySql(InitiativeFilter filter) {
        Sql sql = initiativeConditions(filter);
        String limit = sql.bind(config.search().facetSize());
        String text = "WITH matched AS (SELECT topics, countries, organisations, stage FROM initiative WHERE "
                + sql.conditions() + "), counts AS ("
                + " SELECT 'topic' AS facet, v AS value, count(*) AS n FROM matched, unnest(topics) v GROUP BY v"
                + " UNION ALL SELECT 'country', v, count(*) FROM matched, unnest(countries) v GROUP BY v"
                + " UNION ALL SELECT 'org', v, count(*) FROM matched, unnest(organisations) v GROUP BY v"
                + " UNION ALL SELECT 'stage', stage, count(*) FROM matched GROUP BY stage"
                + " UNION ALL SELECT 'total', NULL, count(*) FROM matched)"
                + " SELECT facet, value, n FROM (SELECT facet, value, n,"
                + " row_number() OVER (PARTITION BY facet ORDER BY n DESC, value COLLATE \"C\") AS position FROM counts) ranked"
                + " WHERE facet = 'total' OR position <= " + limit + " ORDER BY facet, n DESC, value COLLATE \"C\"";
        List<Object[]> rows = sql.bindAll(em.createNativeQuery(text)).getResultList();
        long total = 0;
        Map<String, List<InitiativeFacets.Count>> byFacet = new TreeMap<>();
        for (Object[] row : rows) {
            String facet = (String) row[0];
            long count = ((Number) row[2]).longValue();
            if (facet.equals("total")) {
                total = count;
            } else {
                byFacet.computeIfAbsent(facet, f -> new ArrayList<>()).add(new InitiativeFacets.Count((String) row[1], count));
            }
        }
        return new InitiativeFacets(total, byFacet.getOrDefault("topic", List.of()),
                byFacet.getOrDefault("country", List.of()), byFacet.getOrDefault("org", List.of()),
                byFacet.getOrDefault("stage", List.of()));
    }

    private static Sql initiativeConditions(InitiativeFilter filter) {
        Sql where = new Sql();
        where.textSearch(filter.query());
        where.anyOf("topics", filter.topics());
        where.anyOf("countries", filter.countries());
        where.anyOf("organisations", filter.orgs());
        where.oneOf("stage", filter.stages());
        where.range("first_seen_at", filter.from(), filter.until());
        return where;
    }

    @SuppressWarnings("unchecked")
    private <E> List<Hit<E>> list(Class<E> entity, String table, String timeColumn, String query, Sql where,
            ListOrder order, Position after, int limit) {
        boolean byRank = order == ListOrder.RELEVANCE;
        String rank = byRank ? "ts_rank(search, websearch_to_tsquery(" + TEXT_SEARCH_CONFIG + ", CAST(" + where.bind(query) + " AS text)))"
                : "CAST(NULL AS real)";
        StringBuilder text = new StringBuilder("SELECT * FROM (SELECT t.*, ").append(rank).append(" AS rank FROM ")
                .append(table).append(" t WHERE ").append(where.conditions()).append(") page WHERE true");
        if (after != null && byRank) {
            text.append(" AND (rank, ").append(timeColumn).append(", id) < (CAST(").append(where.bind(after.rank()))
                    .append(" AS real), ").append(where.bind(after.at())).append(", ").append(where.bind(after.id())).append(")");
        } else if (after != null) {
            text.append(" AND (").append(timeColumn).append(", id) < (").append(where.bind(after.at())).append(", ")
                    .append(where.bind(after.id())).append(")");
        }
        text.append(" ORDER BY ").append(byRank ? "rank DESC, " : "").append(timeColumn).append(" DESC, id DESC LIMIT ")
                .append(where.bind(limit + 1));
        NativeQuery<Object[]> native_ = em.createNativeQuery(text.toString()).unwrap(NativeQuery.class);
        native_.addEntity("page", entity).addScalar("rank", StandardBasicTypes.FLOAT);
        List<Object[]> rows = where.bindAll(native_).getResultList();
        return rows.stream().map(r -> new Hit<>((E) r[0], (Float) r[1])).toList();
    }

    /**
     * The relevance tiers of catalog entries, best first. A tier is where the whole query matches: the
     * title alone (weight A of the V3 tsvector), else the summary alone (B), else the entry as a whole
     * (the evidence, or words spread over several fields). Expression GIN indexes (V5) serve the first two.
     */
    enum RelevanceTier {
        TITLE(3f), SUMMARY(2f), OTHER(1f);

        private final float rank;

        RelevanceTier(float rank) {
            this.rank = rank;
        }

        float rank() {
            return rank;
        }

        /** The SQL condition of this tier (on top of the query matching at all), given the query expression. */
        String condition(String query, String config) {
            String tsquery = "websearch_to_tsquery(" + config + ", " + query + ")";
            String title = "ts_filter(search, '{a}') @@ " + tsquery;
            String summary = "ts_filter(search, '{b}') @@ " + tsquery;
            return switch (this) {
                case TITLE -> title;
                case SUMMARY -> summary + " AND NOT " + title;
                case OTHER -> "NOT " + title + " AND NOT " + summary;
            };
        }
    }

    /** WHERE conditions with their positional parameters, numbered in the order they are bound. */
    private static final class Sql {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        String bind(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        void textSearch(String query) {
            if (query != null) {
                conditions.add("search @@ websearch_to_tsquery(" + TEXT_SEARCH_CONFIG + ", CAST(" + bind(query) + " AS text))");
            }
        }

        /** Array column overlaps the values: answered from the column's GIN index. */
        void anyOf(String arrayColumn, List<String> values) {
            if (!values.isEmpty()) {
                conditions.add(arrayColumn + " && ARRAY[" + String.join(", ",
                        values.stream().map(v -> "CAST(" + bind(v) + " AS text)").toList()) + "]");
            }
        }

        void oneOf(String column, List<String> values) {
            if (!values.isEmpty()) {
                conditions.add(column + " IN (" + String.join(", ", values.stream().map(this::bind).toList()) + ")");
            }
        }

        void range(String column, Instant from, Instant until) {
            if (from != null) {
                conditions.add(column + " >= " + bind(from));
            }
            if (until != null) {
                conditions.add(column + " < " + bind(until));
            }
        }

        String conditions() {
            return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
        }

        <Q extends jakarta.persistence.Query> Q bindAll(Q query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }
}
