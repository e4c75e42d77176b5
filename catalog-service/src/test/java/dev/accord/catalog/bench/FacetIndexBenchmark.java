package dev.accord.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.catalog.query.FacetIndex;
import dev.accord.catalog.query.InitiativeFacets;
import dev.accord.catalog.query.InitiativeFilter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Facet counting latency of {@link FacetIndex} on an existing catalog database (e.g. 100,000 generated
 * entries): the first load, then p50/p99 of repeated counts, each with its refresh round trip. Runs only
 * with {@code -Daccord.bench=facets}; {@code -Daccord.bench.url} names the database.
 */
@EnabledIfSystemProperty(named = "accord.bench", matches = "facets")
class FacetIndexBenchmark {

    private static final int ROUNDS = 2_000;

    @Test
    void countsAtTheDatabaseSize() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("accord.bench.url", "jdbc:postgresql://127.0.0.1:5432/accord_query_bench"));
        dataSource.setUser("postgres");
        FacetIndex index = new FacetIndex(pooled(dataSource.getConnection()));
        long start = System.nanoTime();
        InitiativeFacets all = index.count(filter(List.of(), List.of()), 50);
        System.out.printf("first load: %d entries in %.0f ms%n", all.total(), (System.nanoTime() - start) / 1e6);
        for (var filter : List.of(filter(List.of(), List.of()), filter(List.of("technology"), List.of()),
                filter(List.of("technology"), List.of("US")))) {
            double[] ms = new double[ROUNDS];
            InitiativeFacets facets = null;
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                facets = index.count(filter, 50);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("topics=%s countries=%s: total %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d rounds)%n",
                    filter.topics(), filter.countries(), facets.total(), ms[ROUNDS / 2], ms[ROUNDS * 99 / 100],
                    ms[ROUNDS - 1], ROUNDS);
            assertThat(facets.total()).isPositive();
        }
    }

    /** One open connection whose close() is ignored, standing in for the service's connection pool. */
    private static DataSource pooled(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InitiativeFilter filter(List<String> topics, List<String> countries) {
        return new InitiativeFilter(null, topics, countries, List.of(), List.of(), null, null);
    }
}
