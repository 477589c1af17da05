package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkerCommandTest extends IntegrationTest {

    @Test
    void aWorkerWithoutRemotePartitioningSaysWhatToSetAndExitsAsAUsageError() {
        CliDriver.Result worker = cli.run("worker");

        assertThat(worker.exitCode()).isEqualTo(2);
        assertThat(worker.err()).contains("compliance.partitioning=remote").contains("spring.rabbitmq");
    }

    @Test
    void aMisspeltPartitioningModeIsRefusedNamingTheProperty() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("compliance.partitioning", "remtoe")));

        assertThatThrownBy(() -> binder.bind("compliance", PartitioningProperties.class))
                .isInstanceOf(BindException.class).hasMessageContaining("compliance.partitioning");
    }
}
