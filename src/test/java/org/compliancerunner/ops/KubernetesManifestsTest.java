package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under {@code jobs/} read into the Kubernetes API model with unknown fields rejected (a misspelt
 * field fails here, not at {@code kubectl apply}), and the references between them checked.
 */
class KubernetesManifestsTest {

    static final Path JOBS = Path.of("jobs");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "CronJob", CronJob.class, "Job", Job.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class);
    private static final Set<String> COMMANDS = Set.of("serve", "worker", "sweep", "reevaluate");
    /** Objects the cluster provides; jobs/README.md must say how to create each. */
    private static final Set<String> EXTERNAL = Set.of("compliance-runner-db", "compliance-runner-rabbitmq",
            "compliance-runner-api", "compliance-media");

    private static final ObjectMapper STRICT = strictMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void aMisspeltFieldIsRejected() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: x
                          image: x
                          resource: {limits: {cpu: "1"}}
                """;
        assertThatThrownBy(() -> STRICT.readValue(typo, Deployment.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("resource");
    }

    @Test
    void everyManifestIsAValidKubernetesObjectAndEveryKustomizationNamesFilesThatExist() throws IOException {
        List<Path> kustomizations = files("kustomization.yaml");
        assertThat(kustomizations).extracting(path -> JOBS.relativize(path.getParent()).toString().replace('\\', '/'))
                .contains("base", "overlays/production", "presets/one-project", "presets/reevaluate");
        int objects = 0;
        for (Path kustomization : kustomizations) {
            JsonNode k = YAML.readTree(kustomization.toFile());
            assertThat(k.path("kind").asText()).as(kustomization.toString()).isEqualTo("Kustomization");
            for (JsonNode resource : k.path("resources")) {
                Path target = kustomization.resolveSibling(resource.asText()).normalize();
                assertThat(target).as(kustomization + " resource " + resource.asText()).exists();
                if (Files.isRegularFile(target)) {
                    objects += read(target).size();
                }
            }
            for (JsonNode patch : k.path("patches")) {
                Path target = kustomization.resolveSibling(patch.path("path").asText());
                assertThat(target).as(kustomization + " patch").isRegularFile();
                objects += read(target).size();
            }
            for (JsonNode generator : k.path("configMapGenerator")) {
                generator.path("files").forEach(file -> assertThat(kustomization.resolveSibling(file.asText())).isRegularFile());
            }
        }
        assertThat(objects).isGreaterThanOrEqualTo(13);
    }

    @Test
    void theBaseHangsTogether() throws IOException {
        List<HasMetadata> base = directory(JOBS.resolve("base"));
        Deployment worker = one(base, Deployment.class, "compliance-runner-worker");
        Deployment admin = one(base, Deployment.class, "compliance-runner-admin");
        Service service = one(base, Service.class, "compliance-runner-admin");
        CronJob sweep = one(base, CronJob.class, "compliance-runner-sweep");
        PodDisruptionBudget budget = one(base, PodDisruptionBudget.class, "compliance-runner-worker");

        assertThat(worker.getSpec().getReplicas()).isEqualTo(3);
        for (Deployment deployment : List.of(worker, admin)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getPorts()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo(container.getReadinessProbe().getHttpGet().getPort().getStrVal());
                assertThat(port.getContainerPort()).isEqualTo(8081);
            });
        }
        assertThat(admin.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(worker.getSpec().getTemplate().getMetadata().getLabels())
                .as("the Service must not select workers").doesNotContainEntry("app.kubernetes.io/component", "admin");
        assertThat(service.getSpec().getPorts()).allSatisfy(port -> assertThat(
                admin.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
                .anySatisfy(container -> assertThat(container.getName()).isEqualTo(port.getTargetPort().getStrVal())));
        assertThat(worker.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());

        assertThat(sweep.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(sweep.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isNotNull();
        assertThat(sweep.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds()).isPositive();
        PodSpec sweepPod = sweep.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(sweepPod.getRestartPolicy()).isEqualTo("Never");
        assertThat(sweepPod.getContainers().get(0).getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("COMPLIANCE_LOGGING_STRUCTURED");
                    assertThat(env.getValue()).isEqualTo("true");
                });

        List<NetworkPolicy> policies = all(base, NetworkPolicy.class);
        assertThat(policies).anySatisfy(policy -> assertThat(policy.getSpec().getIngress()).isNullOrEmpty());
        assertThat(policies).flatExtracting(policy -> policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress())
                .filteredOn(rule -> rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 8081))
                .singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer ->
                        assertThat(peer.getNamespaceSelector().getMatchLabels())
                                .containsEntry("kubernetes.io/metadata.name", "monitoring")));
    }

    @Test
    void everyPodRunsAKnownCommandAsTheImagesUserWithLimitsAndOnlyReferencesWhatExists() throws IOException {
        for (Path kustomization : files("kustomization.yaml")) {
            Path dir = kustomization.getParent();
            if (dir.startsWith(JOBS.resolve("overlays"))) {
                continue; // overlays patch the base, checked as part of it
            }
            List<HasMetadata> objects = directory(dir);
            Set<String> defined = new HashSet<>(EXTERNAL);
            objects.forEach(object -> defined.add(object.getMetadata().getName()));
            // presets run beside a deployed base and use its ConfigMap
            directory(JOBS.resolve("base")).forEach(object -> defined.add(object.getMetadata().getName()));
            YAML.readTree(kustomization.toFile()).path("configMapGenerator")
                    .forEach(generator -> defined.add(generator.path("name").asText()));
            for (PodTemplateSpec pod : pods(objects)) {
                PodSpec spec = pod.getSpec();
                assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
                assertThat(spec.getSecurityContext().getRunAsUser()).isEqualTo(DockerFilesTest.IMAGE_USER);
                for (Container container : spec.getContainers()) {
                    assertThat(container.getImage()).isEqualTo("compliance-runner");
                    assertThat(COMMANDS).contains(container.getArgs().get(0));
                    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
                    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
                    container.getEnvFrom().forEach(from -> assertThat(defined).contains(from.getConfigMapRef().getName()));
                    container.getEnv().stream().filter(env -> env.getValueFrom() != null)
                            .forEach(env -> assertThat(defined).as(dir + " " + env.getName())
                                    .contains(env.getValueFrom().getSecretKeyRef().getName()));
                }
                spec.getVolumes().forEach(volume -> {
                    if (volume.getPersistentVolumeClaim() != null) {
                        assertThat(defined).contains(volume.getPersistentVolumeClaim().getClaimName());
                    }
                    if (volume.getConfigMap() != null) {
                        assertThat(defined).contains(volume.getConfigMap().getName());
                    }
                });
            }
        }
        String readme = Files.readString(JOBS.resolve("README.md"));
        assertThat(readme).as("jobs/README.md says how to provide what the cluster must have").contains(EXTERNAL);
    }

    private static List<PodTemplateSpec> pods(List<HasMetadata> objects) {
        List<PodTemplateSpec> pods = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                pods.add(deployment.getSpec().getTemplate());
            } else if (object instanceof CronJob cronJob) {
                pods.add(cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
            } else if (object instanceof Job job) {
                pods.add(job.getSpec().getTemplate());
            }
        }
        assertThat(pods).isNotEmpty();
        return pods;
    }

    /** The objects of the files a kustomization directory lists as resources. */
    private static List<HasMetadata> directory(Path dir) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode resource : YAML.readTree(dir.resolve("kustomization.yaml").toFile()).path("resources")) {
            Path file = dir.resolve(resource.asText());
            if (Files.isRegularFile(file)) {
                objects.addAll(read(file));
            }
        }
        return objects;
    }

    static List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            for (var documents = YAML.readValues(parser, JsonNode.class); documents.hasNext(); ) {
                JsonNode document = documents.next();
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                assertThat(KINDS).as(file + ": kind " + kind).containsKey(kind);
                try {
                    objects.add(STRICT.treeToValue(document, KINDS.get(kind)));
                } catch (IOException e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }
        }
        return objects;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return all(objects, type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Path> files(String name) throws IOException {
        try (Stream<Path> walk = Files.walk(JOBS)) {
            return walk.filter(path -> path.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    /** Jackson over the fabric8 model, but with the model's catch-all for unknown fields switched off. */
    private static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        return new ObjectMapper(new YAMLFactory()).registerModule(noCatchAll)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
