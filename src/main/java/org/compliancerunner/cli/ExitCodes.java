package org.compliancerunner.cli;

/** Exit codes shared by every command; scripts and CronJobs rely on them. */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
