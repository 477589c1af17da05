package org.compliancerunner.cli;

import picocli.CommandLine.Option;

/** {@code --json}, mixed into every command that can print for scripts, so the option reads the same everywhere. */
class JsonOption {

    @Option(names = "--json", description = "Print JSON for scripts instead of text: one object per line.")
    boolean requested;

    /** Whether the command line asked for JSON. */
    boolean requested() {
        return requested;
    }
}
