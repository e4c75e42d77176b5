package dev.accord.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerConfigTest {

    @Test
    void oneNodeIsBrokerAndControllerOnItsOwnPorts() throws Exception {
        KafkaBrokerConfig config = new KafkaBrokerConfig("localhost", 9092, 9093, Path.of("/tmp/k/data"));
        Properties properties = new Properties();
        properties.load(new StringReader(config.properties()));

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093");
        assertThat(properties.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("localhost:9093");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/k/data");
        assertThat(properties.getProperty("num.partitions")).isEqualTo("6");
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 200; i++) {
            assertThat(KafkaBrokerConfig.newClusterId()).doesNotStartWith("-");
        }
    }
}
