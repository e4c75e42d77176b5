package dev.accord.catalog.service;

import dev.accord.common.web.Cursor;
import dev.accord.catalog.domain.Article;
import dev.accord.catalog.domain.Initiative;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read side of the catalog. Lists use keyset paging on (time, id) so deep pages cost the same as
 * the first one and concurrent inserts never shift a page.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    private final EntityManager em;

    public CatalogQueries(EntityManager em) {
        this.em = em;
    }

    public Optional<Initiative> initiative(UUID id) {
        return Optional.ofNullable(em.find(Initiative.class, id));
    }

    public Optional<Article> article(UUID id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    /** Up to {@code limit + 1} entries after {@code after}; the extra one tells whether a next page exists. */
    @SuppressWarnings("unchecked")
    public List<Initiative> initiatives(InitiativeFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM initiative WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.topic() != null) {
            params.add(filter.topic());
            sql.append(" AND topics @> ARRAY[CAST(?").append(params.size()).append(" AS text)]");
        }
        if (filter.country() != null) {
            params.add(filter.country());
            sql.append(" AND countries @> ARRAY[CAST(?").append(params.size()).append(" AS text)]");
        }
        if (filter.org() != null) {
            params.add(filter.org());
            sql.append(" AND organisations @> ARRAY[CAST(?").append(params.size()).append(" AS text)]");
        }
        if (filter.stage() != null) {
            params.add(filter.stage());
            sql.append(" AND stage = ?").append(params.size());
        }
        if (filter.from() != null) {
            params.add(filter.from());
            sql.append(" AND first_seen_at >= ?").append(params.size());
        }
        if (filter.to() != null) {
            params.add(filter.to());
            sql.append(" AND first_seen_at < ?").append(params.size());
        }
        keyset(sql, params, after, "first_seen_at");
        return page(em.createNativeQuery(sql.toString(), Initiative.class), params, limit);
    }

    @SuppressWarnings("unchecked")
    public List<Article> articles(Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM article WHERE true");
        List<Object> params = new ArrayList<>();
        keyset(sql, params, after, "cataloged_at");
        return page(em.createNativeQuery(sql.toString(), Article.class), params, limit);
    }

    private static void keyset(StringBuilder sql, List<Object> params, Cursor after, String timeColumn) {
        if (after != null) {
            params.add(after.at());
            params.add(after.id());
            sql.append(" AND (").append(timeColumn).append(", id) < (?").append(params.size() - 1)
                    .append(", ?").append(params.size()).append(")");
        }
        sql.append(" ORDER BY ").append(timeColumn).append(" DESC, id DESC LIMIT ").append("?").append(params.size() + 1);
    }

    @SuppressWarnings("rawtypes")
    private static List page(Query query, List<Object> params, int limit) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.setParameter(params.size() + 1, limit + 1);
        return query.getResultList();
    }
}
