package org.compliancerunner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;

import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A replica setting that names the primary is refused at start-up, with the settings to change. */
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
}
