package org.compliancerunner.cli;


import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** The top-level command; every role of compliance-runner is one of its sub-commands. */
@Component
@Command(name = "compliance-runner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks videos for what is said in them and how they are made, and keeps the findings for review.",
        subcommands = {IngestCommand.class, SweepCommand.class, StatusCommand.class, RestartCommand.class,
                StopCommand.class, VideosCommand.class, TriggersCommand.class, ReevaluateCommand.class, AnalyzeCommand.class,
                RulesCommand.class,
                DemoCommand.class,
                SamplesCommand.class, NotifyCommand.class, BillingCommand.class, ReviewCommand.class,
                ReportCommand.class, ServeCommand.class, UsersCommand.class, WorkerCommand.class, DatabaseCommand.class},
        footer = {"", "Exit codes: 0 success (a sweep COMPLETED, even if some videos FAILED), 1 failure "
                + "(a sweep FAILED or was stopped, an input was refused), 2 usage error or invalid rule pack, "
                + "3 analyze --fail-on found a trigger at or above the severity."})
class ComplianceRunnerCommand extends CommandGroup {

}
