package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.compliancerunner.billing.LedgerEntry;
import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.billing.OwnerBalance;
import org.compliancerunner.billing.Statement;
import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.Videos;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code billing}: the minutes ledger. */
@Command(name = "billing", mixinStandardHelpOptions = true, description = "The minutes ledger and quotas.",
        subcommands = BillingCommand.StatementCommand.class)
class BillingCommand extends CommandGroup {


    /** {@code billing statement [--owner O] [--json]}. */
    @Command(name = "statement", mixinStandardHelpOptions = true,
            description = {"Minutes per owner: reserved for videos not yet swept, charged for videos checked, released "
                    + "for videos that could not be checked, the quota (compliance.billing.quota-minutes, "
                    + "compliance.billing.owners.<owner>.quota-minutes; 0 = unlimited) and what remains of it.",
                    "With --owner also every ledger entry of that owner."})
    static class StatementCommand implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Option(names = "--owner", paramLabel = "O", description = "Only this owner, with its entries.")
        @Nullable String owner;

        @Option(names = "--period", paramLabel = "YYYY-MM", converter = MonthConverter.class,
                description = "The calendar month (UTC) to show; default: this month, or every month when quotas are "
                        + "lifetime (compliance.billing.quota-period=lifetime). A video's minutes belong to the month "
                        + "it was registered in.")
        YearMonth period;

        @Mixin
        JsonOption json;

        private final MinutesLedger ledger;
        private final Videos videos;
        private final JsonOutput output;

        StatementCommand(MinutesLedger ledger, Videos videos, JsonOutput output) {
            this.ledger = ledger;
            this.videos = videos;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            Statement statement = ledger.statement(owner, period);
            String when = statement.period() == null ? "all months (lifetime quota)" : statement.period() + " (UTC)";
            if (!json.requested() && statement.balances().isEmpty()) {
                out.println("No minutes on the ledger for " + when
                        + ": ingest reserves them, a sweep settles or releases them.");
            } else if (!json.requested()) {
                out.println("Minutes for " + when + ":");
            }
            for (OwnerBalance balance : statement.balances()) {
                if (json.requested()) {
                    output.line(out, JsonOutput.object("owner", balance.owner(),
                            "period", statement.period() == null ? null : statement.period().toString(), "reserved", balance.reservedMinutes(),
                            "charged", balance.chargedMinutes(), "released", balance.releasedMinutes(),
                            "quota", balance.unlimited() ? null : balance.quotaMinutes(),
                            "remaining", balance.remainingMinutes()));
                } else {
                    out.printf("%-16s reserved %5d min · charged %5d min · released %5d min · %s%n", balance.owner(),
                            balance.reservedMinutes(), balance.chargedMinutes(), balance.releasedMinutes(),
                            balance.unlimited() ? "quota unlimited"
                                    : "quota " + balance.quotaMinutes() + " min · remaining " + balance.remainingMinutes() + " min");
                }
            }
            Map<Long, String> titles = new HashMap<>();
            for (LedgerEntry entry : statement.entries()) {
                String title = titles.computeIfAbsent(entry.videoId(),
                        id -> videos.find(id).map(Video::title).orElse("?"));
                if (json.requested()) {
                    output.line(out, JsonOutput.object("owner", owner, "videoId", entry.videoId(), "title", title,
                            "kind", entry.kind().name(), "minutes", entry.minutes(), "at", entry.at().toString()));
                } else {
                    out.printf("  #%-5d %-8s %5d min  %s  %s%n", entry.videoId(), entry.kind(), entry.minutes(),
                            entry.at(), title);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Reads YYYY-MM, with a message that shows the expected form. */
    static class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a month; write it as YYYY-MM, e.g. 2026-11");
            }
        }
    }
}
