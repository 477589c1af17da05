package org.compliancerunner.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.compliancerunner.media.MediaLibraries;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.springframework.beans.BeansException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.validation.FieldError;
import picocli.CommandLine.IFactory;

/**
 * Which Spring context a command line runs in. A command line that only asks for help gets none ({@link CommandHelp}).
 * A command that reads or looks gets a context of its own made of only what it uses — no web server, no message
 * broker, no job definitions — so it answers in about a second; the commands that run jobs, serve or change state get
 * the whole application ({@code ComplianceRunnerApplication}).
 */
public final class CommandContexts {

    /** A command, the configuration that holds everything it needs, and the native libraries it will load. */
    private record Slim(Class<?> configuration, Class<?> command, Natives natives) {
    }

    /** Native libraries a command loads, which start loading on threads of their own while its context starts. */
    private enum Natives {
        NONE, MEDIA, MEDIA_AND_SPEECH
    }

    private static final Map<String, Slim> SLIM = Map.of(
            "analyze", new Slim(StandaloneCommands.class, AnalyzeCommand.class, Natives.MEDIA_AND_SPEECH),
            "rules", new Slim(StandaloneCommands.class, RulesCommand.class, Natives.NONE),
            "samples", new Slim(StandaloneCommands.class, SamplesCommand.class, Natives.MEDIA),
            "status", new Slim(ReadCommands.class, StatusCommand.class, Natives.NONE),
            "videos", new Slim(ReadCommands.class, VideosCommand.class, Natives.NONE),
            "triggers", new Slim(ReadCommands.class, TriggersCommand.class, Natives.NONE),
            "db", new Slim(DatabaseCommands.class, DatabaseCommand.class, Natives.NONE));

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
        if (slim.natives() != Natives.NONE) {
            MediaLibraries.loadInBackground();
        }
        if (slim.natives() == Natives.MEDIA_AND_SPEECH) {
            VoiceActivityModel.loadRuntimeInBackground();
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
        } catch (BeansException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException setting) {
                    System.err.println("error: " + settingProblem(setting));
                    return ExitCodes.USAGE;
                }
            }
            throw e;
        }
    }

    /** A setting that cannot be bound or is out of range, named as it is written, with the reason. */
    private static String settingProblem(BindException e) {
        if (e.getCause() instanceof BindValidationException invalid) {
            String prefix = invalid.getValidationErrors().getName().toString();
            return invalid.getValidationErrors().getAllErrors().stream()
                    .map(error -> error instanceof FieldError field
                            ? prefix + "." + field.getField() + "=" + field.getRejectedValue() + ": "
                                    + field.getDefaultMessage()
                            : prefix + ": " + error.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return e.getMessage() + (root == e ? "" : " (" + root.getMessage() + ")");
    }
}
