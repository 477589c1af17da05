package org.compliancerunner.cli;

import java.util.Arrays;
import java.util.Map;

import org.compliancerunner.media.MediaLibraries;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.IFactory;

/**
 * Which Spring context a command line runs in. A command line that only asks for help gets none ({@link CommandHelp}).
 * A command that reads or looks gets a context of its own made of only what it uses — no web server, no message
 * broker, no job definitions — so it answers in about a second; the commands that run jobs, serve or change state get
 * the whole application ({@code ComplianceRunnerApplication}).
 */
public final class CommandContexts {

    /** A command, the configuration that holds everything it needs, and whether it reads or writes media. */
    private record Slim(Class<?> configuration, Class<?> command, boolean media) {
    }

    private static final Map<String, Slim> SLIM = Map.of(
            "analyze", new Slim(StandaloneCommands.class, AnalyzeCommand.class, true),
            "rules", new Slim(StandaloneCommands.class, RulesCommand.class, false),
            "samples", new Slim(StandaloneCommands.class, SamplesCommand.class, true),
            "status", new Slim(ReadCommands.class, StatusCommand.class, false),
            "videos", new Slim(ReadCommands.class, VideosCommand.class, false),
            "triggers", new Slim(ReadCommands.class, TriggersCommand.class, false),
            "db", new Slim(DatabaseCommands.class, DatabaseCommand.class, false));

    private CommandContexts() {
    }

    /** Whether the command line runs in a context of its own, or in none because it only asks for help. */
    public static boolean slim(String[] args) {
        return args.length > 0 && SLIM.containsKey(args[0]) || CommandHelp.asked(CommandLineEntry.withoutSettings(args));
    }

    /** Runs the command line in its own context, or prints the help it asks for, and returns its exit code. */
    public static int run(String[] args) {
        String[] commandLine = CommandLineEntry.withoutSettings(args);
        if (CommandHelp.asked(commandLine)) {
            return CommandHelp.answer(commandLine);
        }
        Slim slim = SLIM.get(args[0]);
        if (slim.media()) {
            MediaLibraries.loadInBackground();
        }
        // Boot warms up Tomcat, the validator and message converters on another thread: none of them is used here,
        // and on two cores that thread only takes time from this one
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(slim.configuration())
                .web(WebApplicationType.NONE).logStartupInfo(false)
                // only the beans the chosen command reaches are made (the JSON mapper only for --json, say)
                .lazyInitialization(true)
                .properties("compliance.role=" + args[0]).run(args)) {
            String[] commandArgs = CommandLineEntry.withoutSettings(Arrays.copyOfRange(args, 1, args.length));
            return CommandLineEntry.commandLine(context.getBean(slim.command()), context.getBean(IFactory.class))
                    .setCommandName("compliance-runner " + args[0])
                    .execute(commandArgs);
        }
    }
}
