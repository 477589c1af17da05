package org.compliancerunner;

import org.compliancerunner.cli.StandaloneCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplianceRunnerApplication {

    public static void main(String[] args) {
        if (StandaloneCommands.wanted(args)) {
            System.exit(StandaloneCommands.run(args));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(ComplianceRunnerApplication.class, args)));
    }
}
