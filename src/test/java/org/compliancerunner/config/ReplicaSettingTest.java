package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;

import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A replica setting that names the primary is refused at start-up, with the settings to change; a replica that is
 * merely away does not stop start-up.
 */
class ReplicaSettingTest {

    @Test
    void aReplicaUrlThatPointsAtThePrimaryStopsStartUpNamingTheSettings() throws IOException {
        String primary = TestDatabase.freshDatabaseUrl();
        SpringApplicationBuilder application = new SpringApplicationBuilder(ComplianceRunnerApplication.class)
                .logStartupInfo(false)
                .properties("compliance.cli.enabled=false", "spring.datasource.url=" + primary,
                        "compliance.home=" + Files.createTempDirectory("compliance-home"),
                        // the same server under another spelling is still the primary
                        "compliance.datasource.replica.url=" + primary.replace("127.0.0.1", "localhost"));

        Throwable failure = catchThrowable(application::run);

        FailureAnalysis analysis = new ReplicaRefusedFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a refused replica, not some other failure: %s", failure).isNotNull();
        assertThat(analysis.getDescription()).contains("compliance.datasource.replica.url", "points at the primary itself",
                "spring.datasource.url");
        assertThat(analysis.getAction()).contains("COMPLIANCE_DATASOURCE_REPLICA_URL", "streaming replica");
    }

    @Test
    void aReplicaAwayAtStartUpLeavesReadsOnThePrimaryAndReportsItDegraded() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplianceRunnerApplication.class)
                .logStartupInfo(false)
                .properties("compliance.cli.enabled=false", "spring.datasource.url=" + TestDatabase.freshDatabaseUrl(),
                        "compliance.home=" + Files.createTempDirectory("compliance-home"),
                        "compliance.datasource.replica.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/compliance",
                        "compliance.datasource.replica.connection-timeout=250ms")
                .run()) {
            TransactionTemplate readOnly = new TransactionTemplate(
                    context.getBean("transactionManager", PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            // a read-only transaction, which would go to the replica, is answered by the primary
            Boolean standby = readOnly.execute(status -> jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single());
            assertThat(standby).isFalse();
            Health health = context.getBean("replica", HealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.getDetails()).containsEntry("reads", "primary");
            assertThat(String.valueOf(health.getDetails().get("reason"))).contains("does not answer");
        }
    }
}
