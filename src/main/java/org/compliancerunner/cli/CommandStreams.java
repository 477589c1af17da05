package org.compliancerunner.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Where a command prints: mixed into every command instead of each keeping its own {@code @Spec}. */
// picocli takes a class as a mixin only with one of its annotations; an empty @Command adds nothing to the help
@Command
final class CommandStreams {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Reports and machine output: what scripts read. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Errors and progress: what a person reads. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command's help, for a command that was given nothing to do. */
    void usage(PrintWriter to) {
        spec.commandLine().usage(to);
    }

    String name() {
        return spec.name();
    }
}
