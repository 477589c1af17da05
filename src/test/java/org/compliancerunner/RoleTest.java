package org.compliancerunner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void serveAndWorkerStartTheWebStackAndEveryCommandNamesItsRole() {
        assertThat(ComplianceRunnerApplication.withRole(new String[] {"serve"}))
                .containsExactly("--compliance.role=serve", "--spring.main.web-application-type=servlet", "serve");
        assertThat(ComplianceRunnerApplication.withRole(new String[] {"worker", "--x.y=1"}))
                .containsExactly("--compliance.role=worker", "--spring.main.web-application-type=servlet", "worker", "--x.y=1");
        assertThat(ComplianceRunnerApplication.withRole(new String[] {"sweep", "--limit", "3"}))
                .containsExactly("--compliance.role=sweep", "sweep", "--limit", "3");
        assertThat(ComplianceRunnerApplication.withRole(new String[] {"--help"})).startsWith("--compliance.role=help");
        // a setting given on the command line is not doubled, which would read as two values joined by a comma
        assertThat(ComplianceRunnerApplication.withRole(new String[] {"serve", "--spring.main.web-application-type=none"}))
                .containsExactly("--compliance.role=serve", "serve", "--spring.main.web-application-type=none");
    }
}
