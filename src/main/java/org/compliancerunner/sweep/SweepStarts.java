package org.compliancerunner.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Tells a launcher the ids of the execution it started, as soon as it starts, so it can show progress. */
@Component
class SweepStarts implements JobExecutionListener {

    private final Map<String, SweepWatcher> watchers = new ConcurrentHashMap<>();

    void watch(String runId, SweepWatcher watcher) {
        watchers.put(runId, watcher);
    }

    void forget(String runId) {
        watchers.remove(runId);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        SweepWatcher watcher = watchers.get(execution.getJobParameters().getString(SweepParameters.RUN_ID));
        if (watcher != null) {
            watcher.started(execution.getId(), execution.getJobInstanceId());
        }
    }
}
