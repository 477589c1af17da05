package org.compliancerunner.cli;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.springframework.objenesis.Objenesis;
import org.springframework.objenesis.SpringObjenesis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A command line that only asks for help, answered from the commands' picocli declarations alone: no arguments (the
 * list of commands), or {@code --help} or {@code --version} after any command. No Spring context is made, so no
 * database, web server or job definitions start for reading a usage message.
 *
 * @see CommandContexts
 */
final class CommandHelp {

    // -h, --help, -V, --version, or short options clustered with one of them (-hV); the parse decides
    private static final Pattern HELP_OPTION = Pattern.compile("--help|--version|-[a-zA-Z]*[hV][a-zA-Z]*");

    private CommandHelp() {
    }

    /** Whether the arguments ask for nothing but help, so that {@link #answer} prints all they ask for. */
    static boolean asked(String[] args) {
        if (args.length == 0) {
            // the top-level command prints the list of commands
            return true;
        }
        // reading every command's declarations costs about a second of CPU: not for a command line that runs one
        if (Arrays.stream(args).noneMatch(arg -> HELP_OPTION.matcher(arg).matches())) {
            return false;
        }
        try {
            ParseResult parsed = Declarations.LINE.parseArgs(args);
            while (parsed.hasSubcommand() && !helpRequested(parsed)) {
                parsed = parsed.subcommand();
            }
            return helpRequested(parsed);
        } catch (ParameterException e) {
            // a usage error is reported where the command would have run, as before
            return false;
        }
    }

    /** Prints the help the arguments ask for and returns the exit code the whole application would have. */
    static int answer(String[] args) {
        return Declarations.LINE.execute(args);
    }

    private static boolean helpRequested(ParseResult parsed) {
        return parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
    }

    /** The commands as declared, read once: the process asks {@link #asked} and then {@link #answer}. */
    private static final class Declarations {

        static final CommandLine LINE = CommandLineEntry.commandLine(ComplianceRunnerCommand.class,
                new DeclarationsOnly());
    }

    /**
     * Makes what picocli reads: mixins, argument groups and converters as picocli itself does, and each command
     * without calling its constructor, which wants the services the command calls. Picocli reads a command's
     * annotations and sets its fields; printing help calls none of its methods.
     */
    private static final class DeclarationsOnly implements IFactory {

        private final IFactory picocli = CommandLine.defaultFactory();
        private final Objenesis withoutConstructor = new SpringObjenesis();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            return type.isAnnotationPresent(Command.class) && !hasNoArgConstructor(type)
                    ? withoutConstructor.newInstance(type) : picocli.create(type);
        }

        private static boolean hasNoArgConstructor(Class<?> type) {
            return Arrays.stream(type.getDeclaredConstructors()).mapToInt(Constructor::getParameterCount)
                    .anyMatch(count -> count == 0);
        }
    }
}
