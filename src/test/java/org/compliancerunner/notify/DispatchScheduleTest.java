package org.compliancerunner.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The long-running roles deliver without anyone calling dispatchDue. */
class DispatchScheduleTest {

    @Test
    void deliversOnItsOwnWhileRunningAndStopsWhenStopped() throws Exception {
        NotifyBench bench = new NotifyBench();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try (Receiver receiver = new Receiver()) {
            NotifyProperties properties = NotifyBench.properties(8, List.of(NotifyBench.webhook("ops", receiver)));
            Outbox outbox = bench.outbox(properties);
            DispatchSchedule schedule = new DispatchSchedule(bench.dispatcher(properties), Duration.ofMillis(50),
                    scheduler);

            schedule.start();
            bench.publishCommitted(outbox, EventType.JOB_COMPLETED, Map.of("jobExecutionId", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests().size() == 1);
            schedule.stop();
            bench.publishCommitted(outbox, EventType.JOB_COMPLETED, Map.of("jobExecutionId", 2));
            Thread.sleep(300);

            assertThat(schedule.isRunning()).isFalse();
            assertThat(receiver.requests()).as("nothing is sent after stop").hasSize(1);
        } finally {
            scheduler.destroy();
        }
    }
}
