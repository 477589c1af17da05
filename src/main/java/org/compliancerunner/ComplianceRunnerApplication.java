package org.compliancerunner;

import org.compliancerunner.cli.StandaloneAnalysis;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplianceRunnerApplication {

    public static void main(String[] args) {
        if (StandaloneAnalysis.wanted(args)) {
            System.exit(StandaloneAnalysis.run(args));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(ComplianceRunnerApplication.class, args)));
    }
}
