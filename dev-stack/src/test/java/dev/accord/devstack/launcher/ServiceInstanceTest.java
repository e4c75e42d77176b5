package dev.accord.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceInstanceTest {

    @Test
    void everyServiceRunsOnceUnlessReplicasAreAskedFor() {
        assertThat(ServiceInstance.plan("")).extracting(ServiceInstance::name)
                .containsExactly("ingest-service", "catalog-service", "alert-service");
        assertThat(ServiceInstance.plan("catalog=2,alert-service=3")).extracting(ServiceInstance::name)
                .containsExactly("ingest-service", "catalog-service", "catalog-service-2", "alert-service", "alert-service-2",
                        "alert-service-3");
    }

    @Test
    void refusesUnknownServicesMalformedPairsAndMoreReplicasThanPartitions() {
        assertThatThrownBy(() -> ServiceInstance.plan("search=2")).hasMessageContaining("no service 'search'");
        assertThatThrownBy(() -> ServiceInstance.plan("catalog:2")).hasMessageContaining("not 'catalog:2'");
        assertThatThrownBy(() -> ServiceInstance.plan("catalog=7")).hasMessageContaining("1 to 6 replicas");
    }

    @Test
    void replicaNListensOnTheServicePortPlusAHundredPerReplica() {
        StackPorts ports = StackPorts.fromEnvironment(Map.of("ACCORD_CATALOG_PORT", "9082"));
        assertThat(ports.port(ServiceInstance.parse("catalog-service-2").orElseThrow())).isEqualTo(9182);
        assertThat(ports.port(ServiceInstance.parse("ingest-service").orElseThrow())).isEqualTo(8081);
        assertThat(ServiceInstance.parse("kafka")).isEmpty();
        assertThat(ports.onBase(19000).port(new ServiceInstance("catalog-service", 2))).isEqualTo(19182);
    }
}
