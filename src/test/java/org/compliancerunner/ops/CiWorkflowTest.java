package org.compliancerunner.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The CI workflow parses and has what a change must pass: both JDKs, real services, verify, scan, format, image. */
class CiWorkflowTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowVerifiesOnBothJdksWithRealServicesAndScansFormatsAndBuildsTheImage() throws IOException {
        Map<String, Object> workflow = DockerFilesTest.yaml(Path.of(".github/workflows/ci.yml"));
        Map<String, Map<String, Object>> jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");

        Map<String, Object> verify = jobs.get("verify");
        assertThat((Map<String, Object>) verify.get("services")).containsKeys("postgres", "rabbitmq");
        Map<String, Object> matrix = (Map<String, Object>) ((Map<String, Object>) verify.get("strategy")).get("matrix");
        assertThat((List<String>) matrix.get("java")).containsExactlyInAnyOrder("17", "25");
        assertThat((Map<String, Object>) verify.get("env"))
                .containsKeys("COMPLIANCE_TEST_JDBC_URL", "COMPLIANCE_TEST_RABBIT_URI").containsEntry("CI", "true");

        List<String> runs = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        jobs.values().forEach(job -> ((List<Map<String, Object>>) job.get("steps")).forEach(step -> {
            if (step.get("run") != null) {
                runs.add(step.get("run").toString());
            }
            if (step.get("uses") != null) {
                uses.add(step.get("uses").toString());
            }
        }));
        assertThat(runs).contains("./mvnw -B verify", "./mvnw -B spotless:check", "scripts/fetch-fixtures");
        assertThat(runs.indexOf("scripts/fetch-fixtures")).as("the reference tests get their fixtures before verify")
                .isLessThan(runs.indexOf("./mvnw -B verify"));
        assertThat(uses).anySatisfy(action -> assertThat(action).startsWith("actions/upload-artifact@"))
                .anySatisfy(action -> assertThat(action).startsWith("aquasecurity/trivy-action@"))
                .anySatisfy(action -> assertThat(action).startsWith("docker/build-push-action@"));
        List<Map<String, Object>> imageSteps = (List<Map<String, Object>>) jobs.get("image").get("steps");
        assertThat(imageSteps).anySatisfy(step -> assertThat((Map<String, Object>) step.get("with"))
                .containsEntry("file", "docker/Dockerfile"));
    }
}
