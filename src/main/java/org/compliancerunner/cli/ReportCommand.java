package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.compliancerunner.review.PrecisionReport;
import org.compliancerunner.review.RulePrecision;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: what the review labels say about the rules. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports from the review decisions.",
        subcommands = ReportCommand.Precision.class)
public class ReportCommand extends CommandGroup {


    /** {@code report precision}: per rule, how often operators agreed with it. */
    @Command(name = "precision", mixinStandardHelpOptions = true,
            description = "Per rule id: confirmed and rejected review items and precision = confirmed / "
                    + "(confirmed + rejected), lowest precision first. Obsolete and undecided items do not count.")
    static class Precision implements Callable<Integer> {

        // picocli takes no mixin inside an argument group: the group inherits --json instead
        static class Format extends JsonOption {
            @Option(names = "--csv", description = "CSV with a header: rule_id,confirmed,rejected,precision.")
            boolean csv;
        }

        @Mixin
        CommandStreams streams;

        @ArgGroup(exclusive = true)
        Format format = new Format();

        private final PrecisionReport report;
        private final JsonOutput output;

        Precision(PrecisionReport report, JsonOutput output) {
            this.report = report;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            List<RulePrecision> rules = report.worstFirst();
            if (format.requested()) {
                rules.forEach(rule -> output.line(out, JsonOutput.object("ruleId", rule.ruleId(),
                        "confirmed", rule.confirmed(), "rejected", rule.rejected(), "precision", rule.precision())));
            } else if (format.csv) {
                out.println("rule_id,confirmed,rejected,precision");
                rules.forEach(rule -> out.printf(Locale.ROOT, "%s,%d,%d,%.4f%n", csvField(rule.ruleId()),
                        rule.confirmed(), rule.rejected(), rule.precision()));
            } else if (rules.isEmpty()) {
                out.println("No confirmed or rejected review items yet: precision needs decisions. Start with: review next");
            } else {
                out.printf("%-30s %9s %9s %9s%n", "RULE", "CONFIRMED", "REJECTED", "PRECISION");
                rules.forEach(rule -> out.printf(Locale.ROOT, "%-30s %9d %9d %9.3f%n", rule.ruleId(), rule.confirmed(),
                        rule.rejected(), rule.precision()));
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** Rule ids are free text in a pack: quote the ones CSV readers would split. */
        private static String csvField(String value) {
            return value.contains(",") || value.contains("\"") || value.contains("\n")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
    }
}
