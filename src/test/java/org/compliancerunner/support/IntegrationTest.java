package org.compliancerunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.compliancerunner.cli.CliDriver;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a fresh database of the test PostgreSQL server, with its own COMPLIANCE_HOME and the
 * fixtures and that home as media roots. Tests that share this context keep apart by project name.
 */
// a shorter lease than production's, as the child JVMs have: recovering a killed sweep waits for its missed heartbeats
@SpringBootTest(properties = {"compliance.cli.enabled=false", "compliance.speech.engine=captions", "compliance.sweep.lease=30s"})
public abstract class IntegrationTest {

    protected static final Path HOME = temporaryHome();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected JdbcClient jdbc;

    protected CliDriver cli;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("compliance.home", HOME::toString);
        registry.add("compliance.media.roots", () -> Fixtures.ROOT + "," + HOME);
    }

    @BeforeEach
    void driver() {
        cli = new CliDriver(context);
    }

    /** Runs {@code sweep} with these arguments and {@code --json}; the job must complete. Returns its summary. */
    protected JsonNode completedSweep(String... arguments) {
        CliDriver.Result sweep = cli.run(Stream.of(Stream.of("sweep"), Stream.of(arguments), Stream.of("--json"))
                .flatMap(words -> words).toArray(String[]::new));
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode summary = JSON.readTree(sweep.out());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        return summary;
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("compliance-home");
            Files.createDirectories(home.resolve("media"));
            return home.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
