package org.compliancerunner.cli;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the command line given to the process and hands its exit code to {@link CommandExitCode}. */
@Component
@ConditionalOnProperty(name = "compliance.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineEntry implements CommandLineRunner {

    private final ComplianceRunnerCommand command;
    private final IFactory factory;
    private final CommandExitCode exitCode;

    CommandLineEntry(ComplianceRunnerCommand command, IFactory factory, CommandExitCode exitCode) {
        this.command = command;
        this.factory = factory;
        this.exitCode = exitCode;
    }

    // Spring Boot reads --some.property=value arguments as settings; they are not options of any command.
    private static final Pattern SETTING = Pattern.compile("--[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+=.*");

    @Override
    public void run(String... args) {
        exitCode.set(commandLine(command, factory).execute(withoutSettings(args)));
    }

    static String[] withoutSettings(String[] args) {
        return Arrays.stream(args).filter(arg -> !SETTING.matcher(arg).matches()).toArray(String[]::new);
    }

    /** The command line with compliance-runner's error handling: a message, not a stack trace. */
    static CommandLine commandLine(Object command, IFactory factory) {
        return new CommandLine(command, factory)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + messageOf(exception));
                    return ExitCodes.of(exception);
                });
    }

    private static String messageOf(Throwable exception) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(exception);
        String message = exception.getMessage();
        String rootMessage = root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName() + (rootMessage == null ? "" : ": " + rootMessage);
        }
        return rootMessage == null || message.contains(rootMessage) ? message : message + " (" + rootMessage + ")";
    }
}
