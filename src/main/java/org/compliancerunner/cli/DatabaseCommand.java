package org.compliancerunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.compliancerunner.sweep.RunningSweeps;
import org.compliancerunner.sweep.RunningSweeps.RunningSweep;
import org.compliancerunner.sweep.SweepProperties;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.config.EmbeddedDatabaseProperties;
import org.compliancerunner.config.EmbeddedServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The embedded PostgreSQL, which stays up between commands: whether it runs, and stopping it. Both look at the server
 * from outside and never start one.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The embedded database (used when SPRING_DATASOURCE_URL is not set), which stays up between "
                + "commands and stops itself after compliance.embedded.idle-shutdown (default 15 min) without a client.",
        subcommands = {DatabaseCommand.Status.class, DatabaseCommand.Stop.class})
class DatabaseCommand extends CommandGroup {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");


    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Says whether the embedded database runs, where (port, data directory, pid) and since when.")
    static class Status implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Mixin
        JsonOption json;

        private final ComplianceProperties properties;
        private final EmbeddedDatabaseProperties embedded;
        private final Environment environment;
        private final JsonOutput output;

        Status(ComplianceProperties properties, EmbeddedDatabaseProperties embedded, Environment environment,
                JsonOutput output) {
            this.properties = properties;
            this.embedded = embedded;
            this.environment = environment;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            Optional<EmbeddedServer.Running> server = EmbeddedServer.running(properties.home());
            String configured = environment.getProperty("spring.datasource.url");
            if (json.requested()) {
                output.line(out, JsonOutput.object("running", server.isPresent(),
                        "port", server.map(EmbeddedServer.Running::port).orElse(null),
                        "pid", server.map(EmbeddedServer.Running::pid).orElse(null),
                        "since", server.map(running -> running.since().toString()).orElse(null),
                        "data", properties.home().resolve("pgdata").toString(),
                        "idleShutdown", embedded.idleShutdown().toString(),
                        "datasourceUrl", configured));
                return ExitCodes.OK;
            }
            if (server.isPresent()) {
                EmbeddedServer.Running running = server.get();
                out.printf("The embedded database is running on localhost:%d since %s (pid %d, data %s).%n",
                        running.port(), time(running.since()), running.pid(), running.data());
                out.println(embedded.idleShutdown().isZero() ? "It runs until: db stop"
                        : "It stops after " + words(embedded.idleShutdown()) + " without a client, or on: db stop");
            } else {
                out.printf("The embedded database is not running (data %s); the next command starts it.%n",
                        properties.home().resolve("pgdata"));
            }
            if (configured != null && !configured.isBlank()) {
                out.println("Commands use spring.datasource.url instead, not this database.");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the embedded database now. Refused while a sweep runs on it: stop the sweep first "
                    + "(stop ID), or wait for it to end.")
    static class Stop implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        private final ComplianceProperties properties;
        // bound (and validated) only when a stop is asked for, not whenever the db commands are built
        private final ObjectProvider<SweepProperties> sweeps;

        Stop(ComplianceProperties properties, ObjectProvider<SweepProperties> sweeps) {
            this.properties = properties;
            this.sweeps = sweeps;
        }

        @Override
        public Integer call() throws IOException {
            Optional<EmbeddedServer.Running> server = EmbeddedServer.running(properties.home());
            PrintWriter out = streams.out();
            PrintWriter err = streams.err();
            if (server.isEmpty()) {
                out.println("The embedded database is not running.");
                out.flush();
                return ExitCodes.OK;
            }
            JdbcClient jdbc = JdbcClient.create(EmbeddedServer.dataSource(properties.home(), server.get()));
            List<RunningSweep> running = new RunningSweeps(jdbc).live(sweeps.getObject().lease());
            if (!running.isEmpty()) {
                RunningSweep sweep = running.get(0);
                err.printf("error: sweep %d is running on this database (pid %d on %s, started %s); stop it "
                        + "first with: stop %d — or wait for it to end%n", sweep.jobExecutionId(), sweep.pid(),
                        sweep.host(), sweep.started() == null ? "-" : sweep.started().withNano(0).toString().replace('T', ' '),
                        sweep.jobExecutionId());
                err.flush();
                return ExitCodes.FAILED;
            }
            EmbeddedServer.stop(properties.home());
            out.printf("Stopped the embedded database (pid %d, port %d).%n", server.get().pid(),
                    server.get().port());
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String words(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes > 0 && duration.toSecondsPart() == 0 ? minutes + " min" : duration.toSeconds() + " s";
    }
}
