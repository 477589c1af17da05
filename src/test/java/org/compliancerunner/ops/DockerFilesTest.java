package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Docker image recipe and the compose stack: parsed and cross-checked, since no Docker engine runs in the build.
 * The checks are the mistakes that would otherwise show only at {@code docker compose up}.
 */
class DockerFilesTest {

    /** The uid the image runs as; the Kubernetes pods' securityContext must agree. */
    static final long IMAGE_USER = 10001;

    private static final Path DOCKER = Path.of("docker");

    @Test
    void theImageIsBuiltWithTheWrapperAndRunsTheLayeredJarAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> stages = matches(dockerfile, "(?m)^FROM\\s+(\\S+)");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("jdk");
        assertThat(stages.get(1)).contains("jre");
        assertThat(dockerfile).contains("./mvnw -B").contains("-Djarmode=tools")
                .contains("target/" + finalName() + ".jar");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("/extracted/" + layer + "/");
        }
        List<String> users = matches(dockerfile, "(?m)^USER\\s+(\\S+)");
        assertThat(users).singleElement().satisfies(user -> assertThat(user).isEqualTo(IMAGE_USER + ":" + IMAGE_USER));
        assertThat(dockerfile).containsPattern("useradd[^\\n]*--uid " + IMAGE_USER);
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*CMD").contains("/actuator/health/liveness");
        assertThat(matches(dockerfile, "(?m)^ENTRYPOINT\\s+(.*)$")).singleElement()
                .satisfies(entry -> assertThat(entry).contains("/app/" + finalName() + ".jar"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeStackHasEveryRoleAndItsReferencesResolve() throws IOException {
        Map<String, Object> compose = yaml(DOCKER.resolve("compose.yaml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "rabbitmq", "serve", "worker", "sweep", "prometheus", "grafana");

        assertThat(command(services.get("serve"))).isEqualTo("serve");
        assertThat(command(services.get("worker"))).isEqualTo("worker");
        assertThat(((Map<String, Object>) services.get("worker").get("deploy")).get("replicas")).isEqualTo(2);
        assertThat(command(services.get("sweep"))).isEqualTo("sweep");
        assertThat(services.get("sweep").get("restart")).isEqualTo("no");
        assertThat(env(services.get("sweep"))).containsEntry("COMPLIANCE_LOGGING_STRUCTURED", "true");
        for (String role : List.of("serve", "worker", "sweep")) {
            assertThat(env(services.get(role))).containsEntry("COMPLIANCE_PARTITIONING", "remote")
                    .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                            "SPRING_RABBITMQ_HOST");
            Map<String, Object> build = (Map<String, Object>) services.get(role).get("build");
            assertThat(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).isRegularFile();
        }
        for (String infrastructure : List.of("postgres", "rabbitmq", "prometheus")) {
            assertThat(services.get(infrastructure)).as(infrastructure).containsKey("healthcheck");
        }

        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            List<String> targets = new ArrayList<>();
            if (dependsOn instanceof Map<?, ?> map) {
                map.keySet().forEach(target -> targets.add((String) target));
            } else if (dependsOn != null) {
                targets.addAll((List<String>) dependsOn);
            }
            targets.forEach(target -> assertThat(services).as(name + " depends on").containsKey(target));
            if (dependsOn instanceof Map<?, ?> map) {
                map.forEach((target, condition) -> {
                    if ("service_healthy".equals(((Map<String, Object>) condition).get("condition"))) {
                        Map<String, Object> needed = services.get((String) target);
                        assertThat(needed.containsKey("healthcheck") || needed.containsKey("build"))
                                .as(name + " waits for " + target + " to be healthy, which needs a health check").isTrue();
                    }
                });
            }
            for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DOCKER.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheManagementPortOfComposeServicesAndGrafanaGetsItsDashboard() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(DOCKER.resolve("compose.yaml"))
                .get("services");
        Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
        List<String> scraped = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> config : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
                for (String target : (List<String>) config.get("targets")) {
                    assertThat(target).endsWith(":8081");
                    scraped.add(target.substring(0, target.indexOf(':')));
                }
            }
            for (Map<String, Object> config : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
                assertThat(config.get("port")).isEqualTo(8081);
                scraped.addAll((List<String>) config.get("names"));
            }
        }
        assertThat(scraped).containsExactlyInAnyOrder("serve", "worker");
        assertThat(services).containsKeys(scraped.toArray(String[]::new));

        Map<String, Object> datasources = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"));
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat((String) datasource.get("url")).isEqualTo("http://prometheus:9090");
        JsonNode dashboard = JsonMapper.builder().build().readTree(DOCKER.resolve("grafana/dashboards/compliance-runner.json").toFile());
        assertThat(dashboard.get("panels")).allSatisfy(panel -> {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(datasource.get("uid"));
            assertThat(panel.get("targets")).isNotEmpty();
        });
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> titles.add(panel.get("title").asString().toLowerCase()));
        for (String subject : List.of("throughput", "latency", "queue depth", "triggers by rule", "failures")) {
            assertThat(titles).anySatisfy(title -> assertThat(title).contains(subject));
        }
        Map<String, Object> provider = ((List<Map<String, Object>>) yaml(
                DOCKER.resolve("grafana/provisioning/dashboards/compliance-runner.yaml")).get("providers")).get(0);
        assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        assertThat((List<String>) services.get("grafana").get("volumes"))
                .contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    @SuppressWarnings("unchecked")
    private static String command(Map<String, Object> service) {
        return ((List<String>) service.get("command")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static String finalName() throws IOException {
        Matcher name = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(name.find()).isTrue();
        return name.group(1);
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
