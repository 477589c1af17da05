package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The stop signal a partition checks before each video and while it waits on one: read from the job repository. */
class ExecutionStopSignalTest extends IntegrationTest {

    @Test
    void aStopIsSeenWithinAnAskingIntervalAndTheDatabaseIsNotAskedMoreOften() throws InterruptedException {
        long execution = completedSweep("--project", "stop-signal-" + System.nanoTime()).get("jobExecutionId").asLong();
        long step = jdbc.sql("SELECT max(step_execution_id) FROM batch_step_execution WHERE job_execution_id = :id")
                .param("id", execution).query(Long.class).single();
        ExecutionStopSignal signal = new ExecutionStopSignal(jdbc, step);

        assertThat(signal.requested()).as("a completed step of a completed job goes on").isFalse();
        setStatus(step, "STOPPING");
        assertThat(signal.requested()).as("asked again within the interval: the last answer holds").isFalse();

        Thread.sleep(ExecutionStopSignal.ASK_EVERY.toMillis() + 100);
        assertThat(signal.requested()).as("asked again after the interval").isTrue();
        setStatus(step, "COMPLETED");
        Thread.sleep(ExecutionStopSignal.ASK_EVERY.toMillis() + 100);
        assertThat(signal.requested()).as("a stop once seen stays seen").isTrue();
    }

    private void setStatus(long step, String status) {
        jdbc.sql("UPDATE batch_step_execution SET status = :status WHERE step_execution_id = :id")
                .param("status", status).param("id", step).update();
    }
}
