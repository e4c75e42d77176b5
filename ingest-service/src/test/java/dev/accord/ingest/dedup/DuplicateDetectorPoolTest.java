package dev.accord.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.accord.common.db.TemporaryFailures;
import dev.accord.testsupport.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The duplicate check runs on a pooled connection of its own. When the pool has none to give within its
 * acquisition timeout, the failure must read as temporary (503 with Retry-After), as it did when the
 * check ran through the ORM, and not as a server error.
 */
class DuplicateDetectorPoolTest {

    @Test
    void anExhaustedPoolIsATemporaryFailure() throws Exception {
        TestDatabase.Database database = TestDatabase.database("ingest-pool");
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofMillis(200))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(database.jdbcUrl())
                                .principal(new NamePrincipal(database.user()))
                                .credential(new SimplePassword(database.password()))));
        try (AgroalDataSource pool = AgroalDataSource.from(config); Connection taken = pool.getConnection()) {
            DuplicateDetector detector = new DuplicateDetector(pool);
            Throwable failure = catchThrowable(() -> detector.originalOf(
                    new DuplicateDetector.Fingerprint(UUID.randomUUID(), "https://example.org/a", "sha256:00", 42L, new long[0])));
            assertThat(failure).isInstanceOf(DuplicateDetector.DuplicateCheckFailed.class);
            assertThat(TemporaryFailures.isTemporary(failure)).as(TemporaryFailures.describe(failure)).isTrue();
        }
    }
}
