package dev.accord.catalog.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Transaction-scoped PostgreSQL advisory locks on buckets of keys: a namespace per kind of key, then the bucket.
 * A transaction takes its buckets in ascending order, so two transactions never wait on each other in a cycle.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager em;

    public AdvisoryLocks(EntityManager em) {
        this.em = em;
    }

    /** Holds, until the transaction ends, the lock of every one of these buckets in this namespace. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(int namespace, IntStream buckets) {
        int[] sorted = buckets.distinct().sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        String array = Arrays.stream(sorted).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(?1, k)) "
                + "FROM (SELECT k FROM unnest(CAST(?2 AS int[])) AS k ORDER BY k) AS buckets")
                .setParameter(1, namespace).setParameter(2, array).getSingleResult();
    }
}
