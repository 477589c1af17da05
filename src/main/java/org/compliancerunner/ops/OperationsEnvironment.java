package org.compliancerunner.ops;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings that follow from the process's role, decided before logging starts:
 * <ul>
 * <li>JSON console logs ({@code logging.structured.format.console}, ECS by default) for the long-running roles
 * {@code serve} and {@code worker}, and wherever {@code compliance.logging.structured=true} (the Kubernetes CronJob's
 * sweep), with one line per checked video; readable text for interactive commands, whose console shows progress.
 * {@code compliance.logging.structured=false} forces text.</li>
 * <li>RabbitMQ in the readiness health group only when partitions go to remote workers; otherwise no broker is
 * checked at all.</li>
 * <li>The replica in the readiness health group when one is configured (DEGRADED while reads fall back to the
 * primary, which keeps the process ready).</li>
 * </ul>
 * Every value here is a default: anything set explicitly wins.
 */
public class OperationsEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "complianceOperationsDefaults";
    static final String CONSOLE = "compliance.logging.console";
    private static final String FORMAT = "logging.structured.format.console";
    private static final Set<String> LONG_RUNNING = Set.of("serve", "worker");
    private static final String READINESS = "management.endpoint.health.group.readiness.include";
    private static final String READY_WHEN = "readinessState,db,diskSpace,speech";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String explicit = environment.getProperty("compliance.logging.structured");
        boolean structured = explicit != null ? Boolean.parseBoolean(explicit.trim())
                : LONG_RUNNING.contains(environment.getProperty("compliance.role", "").trim().toLowerCase(Locale.ROOT));
        if (structured && !environment.containsProperty(FORMAT)) {
            defaults.put(FORMAT, "ecs");
        }
        // a format set by hand turns JSON on too, unless structured logs were explicitly turned off
        boolean json = structured || explicit == null && environment.containsProperty(FORMAT);
        defaults.put(CONSOLE, json ? "json" : "text");
        defaults.put("logging.level.org.compliancerunner.inspection.outcomes", json ? "INFO" : "WARN");
        boolean remote = "remote".equalsIgnoreCase(environment.getProperty("compliance.partitioning", "local").trim());
        String replica = environment.getProperty("compliance.datasource.replica.url", "");
        defaults.put(READINESS, READY_WHEN + (remote ? ",rabbit" : "") + (replica.isBlank() ? "" : ",replica"));
        if (!remote) {
            defaults.put("management.health.rabbit.enabled", "false");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
