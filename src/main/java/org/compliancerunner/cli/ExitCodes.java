package org.compliancerunner.cli;

import org.compliancerunner.policy.RulePackException;
import picocli.CommandLine;

/** Exit codes shared by every command; scripts and CronJobs rely on them. The one place outcomes become codes. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int FINDINGS = 3;

    private ExitCodes() {
    }

    /** The code for a command that ended with this exception: a bad rule pack or argument is a usage error. */
    static int of(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RulePackException || cause instanceof CommandLine.ParameterException) {
                return USAGE;
            }
        }
        return FAILED;
    }
}
