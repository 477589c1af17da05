package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/** A command that only groups subcommands: given none, it prints its help and exits with the usage code. */
abstract class CommandGroup implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Override
    public Integer call() {
        streams.usage(streams.err());
        return ExitCodes.USAGE;
    }
}
