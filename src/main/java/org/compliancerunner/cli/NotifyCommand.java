package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.compliancerunner.notify.Deliveries;
import org.compliancerunner.notify.DeliveryState;
import org.compliancerunner.notify.DispatchRound;
import org.compliancerunner.notify.OutboxDispatcher;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Delivers and shows notifications: webhooks and e-mail for finished jobs, flagged videos, reviews.",
        subcommands = {NotifyCommand.Dispatch.class, NotifyCommand.ListDeliveries.class})
class NotifyCommand extends CommandGroup {


    @Command(name = "dispatch", mixinStandardHelpOptions = true,
            description = "Sends every notification that is due now, once; exit 1 when one was given up on.")
    static class Dispatch implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Mixin
        JsonOption json;

        private final OutboxDispatcher dispatcher;
        private final JsonOutput output;

        Dispatch(OutboxDispatcher dispatcher, JsonOutput output) {
            this.dispatcher = dispatcher;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            if (dispatcher.channels().isEmpty() && !json.requested()) {
                streams.err().println("No notification channel is configured in this process: set "
                        + "compliance.notify.webhooks[0].url and .secret, or compliance.notify.email.to with "
                        + "spring.mail.host. Nothing was sent.");
            }
            DispatchRound round = dispatcher.dispatchDue();
            if (json.requested()) {
                output.line(out, JsonOutput.object("delivered", round.delivered(), "retrying", round.retrying(),
                        "failed", round.failed()));
            } else {
                out.printf("%d delivered, %d retrying, %d failed%n", round.delivered(), round.retrying(), round.failed());
                if (round.failed() > 0) {
                    out.println("See why with: notify list --state FAILED");
                }
                out.flush();
            }
            return round.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Recent notifications with each channel's delivery state and last error.")
    static class ListDeliveries implements Callable<Integer> {

        @Mixin
        CommandStreams streams;

        @Option(names = "--state", paramLabel = "S", description = "Only deliveries in this state: ${COMPLETION-CANDIDATES}.")
        @Nullable DeliveryState state;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Rows to show (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        JsonOption json;

        private final Deliveries deliveries;
        private final JsonOutput output;

        ListDeliveries(Deliveries deliveries, JsonOutput output) {
            this.deliveries = deliveries;
            this.output = output;
        }

        @Override
        public Integer call() {
            PrintWriter out = streams.out();
            var recent = deliveries.recent(state, limit);
            if (json.requested()) {
                for (Deliveries.Delivery delivery : recent) {
                    output.line(out, JsonOutput.object("eventId", delivery.eventId().toString(),
                            "type", delivery.type(), "createdAt", text(delivery.createdAt()),
                            "channel", delivery.channel(), "state", delivery.state() == null ? null : delivery.state().name(),
                            "attempts", delivery.attempts(), "nextAttemptAt", text(delivery.nextAttemptAt()),
                            "deliveredAt", text(delivery.deliveredAt()), "lastError", delivery.lastError()));
                }
                return ExitCodes.OK;
            }
            if (recent.isEmpty()) {
                out.println(state == null ? "No notifications yet." : "No deliveries in state " + state + ".");
                out.flush();
                return ExitCodes.OK;
            }
            out.printf("%-36s %-16s %-19s %-24s %-9s %8s %-19s %s%n", "EVENT", "TYPE", "CREATED", "CHANNEL", "STATE",
                    "ATTEMPTS", "NEXT/DELIVERED", "LAST ERROR");
            for (Deliveries.Delivery delivery : recent) {
                OffsetDateTime when = delivery.state() == DeliveryState.DELIVERED ? delivery.deliveredAt()
                        : delivery.state() == DeliveryState.PENDING ? delivery.nextAttemptAt() : null;
                out.printf("%-36s %-16s %-19s %-24s %-9s %8d %-19s %s%n", delivery.eventId(), delivery.type(),
                        time(delivery.createdAt()), delivery.channel() == null ? "(no channel wanted it)" : delivery.channel(),
                        delivery.state() == null ? "-" : delivery.state(), delivery.attempts(), time(when),
                        delivery.lastError() == null ? "" : delivery.lastError());
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static @Nullable String text(@Nullable OffsetDateTime time) {
            return time == null ? null : time.toInstant().toString();
        }

        private static String time(@Nullable OffsetDateTime time) {
            return time == null ? "-" : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0)
                    .toString().replace('T', ' ');
        }
    }
}
