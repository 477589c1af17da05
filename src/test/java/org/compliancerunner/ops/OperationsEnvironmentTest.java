package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Which processes log JSON, and which health checks readiness waits for. */
class OperationsEnvironmentTest {

    @Test
    void longRunningRolesLogJsonInteractiveCommandsText() {
        assertThat(console(environment().withProperty("compliance.role", "serve"))).isEqualTo("json");
        assertThat(console(environment().withProperty("compliance.role", "worker"))).isEqualTo("json");
        assertThat(console(environment().withProperty("compliance.role", "sweep"))).isEqualTo("text");
        assertThat(console(environment())).isEqualTo("text");
    }

    @Test
    void jsonLogsGetBootsEcsFormatAndOneLinePerVideo() {
        MockEnvironment worker = process(environment().withProperty("compliance.role", "worker"));

        assertThat(worker.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(worker.getProperty("logging.level.org.compliancerunner.inspection.outcomes")).isEqualTo("INFO");
        MockEnvironment cli = process(environment().withProperty("compliance.role", "sweep"));
        assertThat(cli.getProperty("logging.structured.format.console")).isNull();
        assertThat(cli.getProperty("logging.level.org.compliancerunner.inspection.outcomes")).isEqualTo("WARN");
    }

    @Test
    void theExplicitSwitchWinsOverTheRoleAndAChosenFormatIsKept() {
        MockEnvironment cronJobSweep = process(environment().withProperty("compliance.role", "sweep")
                .withProperty("compliance.logging.structured", "true")
                .withProperty("logging.structured.format.console", "logstash"));
        assertThat(cronJobSweep.getProperty(OperationsEnvironment.CONSOLE)).isEqualTo("json");
        assertThat(cronJobSweep.getProperty("logging.structured.format.console")).isEqualTo("logstash");

        assertThat(console(environment().withProperty("compliance.role", "serve")
                .withProperty("compliance.logging.structured", "false"))).isEqualTo("text");
        assertThat(console(environment().withProperty("logging.structured.format.console", "gelf"))).isEqualTo("json");
    }

    @Test
    void readinessChecksTheBrokerOnlyWhenPartitionsGoToRemoteWorkers() {
        MockEnvironment local = process(environment());
        assertThat(local.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,db,diskSpace,speech");
        assertThat(local.getProperty("management.health.rabbit.enabled")).isEqualTo("false");

        MockEnvironment remote = process(environment().withProperty("compliance.partitioning", "remote"));
        assertThat(remote.getProperty("management.endpoint.health.group.readiness.include")).endsWith(",rabbit");
        assertThat(remote.getProperty("management.health.rabbit.enabled")).isNull();
    }

    @Test
    void readinessReportsTheReplicaOnlyWhenOneIsConfigured() {
        assertThat(process(environment()).getProperty("management.endpoint.health.group.readiness.include"))
                .doesNotContain("replica");
        MockEnvironment replica = process(environment().withProperty("compliance.partitioning", "remote")
                .withProperty("compliance.datasource.replica.url", "jdbc:postgresql://replica/compliance"));
        assertThat(replica.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,db,diskSpace,speech,rabbit,replica");
    }

    private static MockEnvironment environment() {
        return new MockEnvironment();
    }

    private static String console(MockEnvironment environment) {
        return process(environment).getProperty(OperationsEnvironment.CONSOLE);
    }

    private static MockEnvironment process(MockEnvironment environment) {
        new OperationsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
