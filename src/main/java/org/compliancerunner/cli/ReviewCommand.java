package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.review.Decision;
import org.compliancerunner.review.DecisionOutcome;
import org.compliancerunner.review.ReviewException;
import org.compliancerunner.review.ReviewFilter;
import org.compliancerunner.review.ReviewItem;
import org.compliancerunner.review.ReviewQueue;
import org.compliancerunner.review.ReviewState;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code review}: the operators' queue of findings to confirm, reject or escalate. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Work through the findings that need a person's judgement.",
        subcommands = {ReviewCommand.Next.class, ReviewCommand.Confirm.class, ReviewCommand.Reject.class,
                ReviewCommand.Escalate.class, ReviewCommand.ListItems.class})
public class ReviewCommand extends CommandGroup {

    private static final DateTimeFormatter LEASE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");


    /** {@code review next}: claims one item and shows it. */
    @Command(name = "next", mixinStandardHelpOptions = true,
            description = "Claim the worst, oldest finding waiting for review and show it. The claim lasts "
                    + "compliance.review.lease (default 15 minutes); after that the item returns to the queue.",
            footer = "Prints nothing with --json, and \"Nothing to review\" otherwise, when the queue is empty (exit 0).")
    static class Next implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Option(names = "--project", paramLabel = "P", description = "Only this project's videos.")
        @Nullable String project;

        @Option(names = "--rule", paramLabel = "R", description = "Only this rule id's findings.")
        @Nullable String rule;

        @Option(names = "--severity", paramLabel = "S", converter = SeverityOption.class,
                description = "Only findings of this severity or worse: info, low, medium, high, critical.")
        @Nullable Severity severity;

        @Option(names = "--operator", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "Who claims the item (default: your user name, ${DEFAULT-VALUE}).")
        String operator;

        @Mixin
        JsonOption json;

        private final ReviewQueue queue;
        private final JsonOutput output;

        Next(ReviewQueue queue, JsonOutput output) {
            this.queue = queue;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            var claimed = queue.next(operator, new ReviewFilter(project, rule, severity));
            if (claimed.isEmpty()) {
                if (!json.requested()) {
                    out.println("Nothing to review" + (project == null && rule == null && severity == null
                            ? "." : " that matches the filter."));
                }
            } else if (json.requested()) {
                output.line(out, asJson(claimed.get()));
            } else {
                ReviewItem item = claimed.get();
                out.printf("Review item %d  %s  %s%n", item.id(), item.severity(), item.ruleId());
                out.printf("  video     #%d %s (project %s)%n", item.videoId(), item.videoTitle(), item.project());
                out.printf("  time      %s–%s%n", Timecode.of(item.startMs()), Timecode.of(item.endMs()));
                out.printf("  rule      %s, severity %s  [%s v%d]%n", item.ruleId(), item.severity(), item.packName(),
                        item.packVersion());
                out.printf("  evidence  %s%n", item.evidence());
                if (item.state() == ReviewState.ESCALATED) {
                    out.printf("  escalated by %s: %s%n", item.decidedBy(), item.comment());
                }
                out.printf("  lease until %s (claimed by %s)%n", leaseTime(item), item.claimedBy());
                out.printf("Decide with: review confirm|reject|escalate %d --comment TEXT%n", item.id());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The shared part of {@code confirm}, {@code reject} and {@code escalate}. */
    abstract static class Decide implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Parameters(index = "0", paramLabel = "ID", description = "The review item's id.")
        long itemId;

        @Option(names = "--comment", paramLabel = "TEXT", required = true,
                description = "Why; kept in the audit trail.")
        String comment;

        @Option(names = "--operator", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "Who decides (default: your user name, ${DEFAULT-VALUE}).")
        String operator;

        @Mixin
        JsonOption json;

        private final ReviewQueue queue;
        private final JsonOutput output;
        private final Decision decision;

        Decide(ReviewQueue queue, JsonOutput output, Decision decision) {
            this.queue = queue;
            this.output = output;
            this.decision = decision;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            DecisionOutcome outcome;
            try {
                outcome = queue.decide(itemId, operator, decision, comment);
            } catch (ReviewException e) {
                streams.err().println("error: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            ReviewItem item = outcome.item();
            String verdict = outcome.verdict().map(Enum::name).orElse(null);
            if (json.requested()) {
                output.line(out, JsonOutput.object("id", item.id(), "state", item.state().name(),
                        "decidedBy", item.decidedBy(), "videoId", item.videoId(), "verdict", verdict));
            } else {
                out.printf("Review item %d %s by %s.%n", item.id(), item.state(), item.decidedBy());
                out.printf("Video #%d %s: %s%n", item.videoId(), item.videoTitle(), verdict == null
                        ? "still has findings to review" : "every finding decided, verdict " + verdict);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, description = "The finding is real.")
    static class Confirm extends Decide {

        Confirm(ReviewQueue queue, JsonOutput output) {
            super(queue, output, Decision.CONFIRM);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "The finding is a false alarm.")
    static class Reject extends Decide {

        Reject(ReviewQueue queue, JsonOutput output) {
            super(queue, output, Decision.REJECT);
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true,
            description = "Hand the finding to a senior: it returns to the queue, and anyone can then confirm or reject it.")
    static class Escalate extends Decide {

        Escalate(ReviewQueue queue, JsonOutput output) {
            super(queue, output, Decision.ESCALATE);
        }
    }

    /** {@code review list}: items with their state, without claiming any. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List review items without claiming them.")
    static class ListItems implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Option(names = "--state", paramLabel = "S", converter = StateOption.class,
                description = "Only items in this state: OPEN, ESCALATED, CONFIRMED, REJECTED, OBSOLETE.")
        @Nullable ReviewState state;

        @Option(names = "--project", paramLabel = "P", description = "Only this project's videos.")
        @Nullable String project;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N items (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        JsonOption json;

        private final ReviewQueue queue;
        private final JsonOutput output;

        ListItems(ReviewQueue queue, JsonOutput output) {
            this.queue = queue;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            var list = queue.list(state, project, limit);
            if (list.isEmpty() && !json.requested()) {
                out.println("No review items" + (state == null ? "" : " in state " + state) + ".");
            }
            for (ReviewItem item : list) {
                if (json.requested()) {
                    output.line(out, asJson(item));
                } else {
                    out.printf("%-6d %-9s #%-5d %s–%s  %-8s %-22s %s%s%n", item.id(), item.state(), item.videoId(),
                            Timecode.of(item.startMs()), Timecode.of(item.endMs()), item.severity(), item.ruleId(),
                            item.evidence(), item.claimedBy() == null ? "" : "  (claimed by " + item.claimedBy() + ")");
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> asJson(ReviewItem item) {
        return JsonOutput.object("id", item.id(), "videoId", item.videoId(), "videoTitle", item.videoTitle(),
                "project", item.project(), "ruleId", item.ruleId(), "severity", item.severity(),
                "startMs", item.startMs(), "endMs", item.endMs(), "evidence", item.evidence(),
                "packName", item.packName(), "packVersion", item.packVersion(), "state", item.state().name(),
                "decision", item.decision() == null ? null : item.decision().name(), "decidedBy", item.decidedBy(),
                "comment", item.comment(), "claimedBy", item.claimedBy(),
                "leaseUntil", item.leaseUntil() == null ? null : item.leaseUntil().toInstant().toString());
    }

    private static String leaseTime(ReviewItem item) {
        return item.leaseUntil().atZoneSameInstant(ZoneId.systemDefault()).format(LEASE_TIME);
    }

    /** Severities as rule packs spell them, in any case. */
    static class SeverityOption implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            Severity severity = Severity.parse(value);
            if (severity == null) {
                throw new TypeConversionException("'" + value + "' is not a severity; use one of info, low, medium, high, critical");
            }
            return severity;
        }
    }

    /** Review states in any case. */
    static class StateOption implements ITypeConverter<ReviewState> {
        @Override
        public ReviewState convert(String value) {
            return Arrays.stream(ReviewState.values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a review state; use one of "
                            + Arrays.toString(ReviewState.values()).toLowerCase(Locale.ROOT)));
        }
    }
}
