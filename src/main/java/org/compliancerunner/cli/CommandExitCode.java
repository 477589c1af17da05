package org.compliancerunner.cli;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The exit code of the command this process ran, for Spring Boot to exit with. Kept apart from the runner because
 * Spring Cloud Task wraps every CommandLineRunner in an observing proxy that hides any other interface it has.
 */
@Component
@ConditionalOnProperty(name = "compliance.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandExitCode implements ExitCodeGenerator {

    private volatile int exitCode;

    void set(int exitCode) {
        this.exitCode = exitCode;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
