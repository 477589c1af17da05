package org.compliancerunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.compliancerunner.cli.CommandContexts;
import org.compliancerunner.media.NativeLoading;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplianceRunnerApplication {

    /** Long-running roles that answer HTTP: the API, and a worker's health and metrics. */
    private static final Set<String> WEB_ROLES = Set.of("serve", "worker");

    public static void main(String[] args) {
        NativeLoading.exit(() -> CommandContexts.slim(args) ? CommandContexts.run(args)
                : SpringApplication.exit(SpringApplication.run(ComplianceRunnerApplication.class, withRole(args))));
    }

    /**
     * The arguments with the role settings first: {@code compliance.role} is the sub-command, so beans can depend on
     * it, and only {@code serve} and {@code worker} start a web server. A setting given on the command line is kept.
     */
    static String[] withRole(String[] args) {
        String role = args.length == 0 || args[0].startsWith("-") ? "help" : args[0];
        List<String> given = Arrays.asList(args);
        List<String> all = new ArrayList<>();
        addUnlessGiven(all, given, "compliance.role", role);
        if (WEB_ROLES.contains(role)) {
            addUnlessGiven(all, given, "spring.main.web-application-type", "servlet");
        }
        all.addAll(given);
        return all.toArray(String[]::new);
    }

    private static void addUnlessGiven(List<String> all, List<String> given, String key, String value) {
        // a key given twice on the command line would read as both values joined by a comma
        if (given.stream().noneMatch(arg -> arg.startsWith("--" + key + "="))) {
            all.add("--" + key + "=" + value);
        }
    }
}
