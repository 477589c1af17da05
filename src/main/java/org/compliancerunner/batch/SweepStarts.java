package org.compliancerunner.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Tells a launcher the ids of the execution it started, as soon as it starts, so it can show progress. */
@Component
class SweepStarts implements JobExecutionListener {

    /** Called with the new execution once it begins. */
    public interface Watcher {
        void started(long jobExecutionId, long jobInstanceId);
    }

    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    void watch(String runId, Watcher watcher) {
        watchers.put(runId, watcher);
    }

    void forget(String runId) {
        watchers.remove(runId);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Watcher watcher = watchers.get(execution.getJobParameters().getString(SweepParameters.RUN_ID));
        if (watcher != null) {
            watcher.started(execution.getId(), execution.getJobInstanceId());
        }
    }
}
