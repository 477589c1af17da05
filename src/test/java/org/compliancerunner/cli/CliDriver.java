package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs compliance-runner commands inside a test's Spring context, as the process entry point would. */
public final class CliDriver {

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
    }

    private final ApplicationContext context;

    public CliDriver(ApplicationContext context) {
        this.context = context;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CommandLineEntry.commandLine(context.getBean(ComplianceRunnerCommand.class),
                        context.getBean(IFactory.class))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
