package org.compliancerunner.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.policy.TriggerStore;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/** Reads what sweeps did, from the job repository and the catalog — never from in-memory step results. */
@Service
public class SweepReports {

    private final JobRepository repository;
    private final SweepQueue queue;
    private final Videos videos;
    private final TriggerStore triggers;

    public SweepReports(JobRepository repository, SweepQueue queue, Videos videos, TriggerStore triggers) {
        this.repository = repository;
        this.queue = queue;
        this.videos = videos;
        this.triggers = triggers;
    }

    public SweepSummary summarize(long jobInstanceId) {
        Map<VideoStatus, Integer> counts = queue.progress(jobInstanceId);
        int done = counts.get(VideoStatus.DONE);
        int failed = counts.get(VideoStatus.FAILED);
        int unfinished = counts.get(VideoStatus.QUEUED) + counts.get(VideoStatus.PROCESSING);
        return new SweepSummary(done + failed + unfinished, done, failed, unfinished,
                triggers.countForSweep(jobInstanceId));
    }

    public Optional<SweepReport> report(long jobExecutionId) {
        JobExecution execution = Executions.find(repository, jobExecutionId).orElse(null);
        if (execution == null || !SweepJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())) {
            return Optional.empty();
        }
        long instance = execution.getJobInstanceId();
        var parameters = execution.getJobParameters();
        SweepSummary summary = summarize(instance);
        // a small sweep is listed whole; a nightly one of a million videos lists what needs attention, up to a cap
        List<Video> listed = summary.claimed() <= SweepReport.LISTED_WHOLE_UP_TO
                ? videos.claimedBy(instance, SweepReport.LISTED_WHOLE_UP_TO)
                : videos.needingAttention(instance, SweepReport.MAX_LISTED + 1);
        boolean truncated = listed.size() > SweepReport.MAX_LISTED;
        if (truncated) {
            listed = listed.subList(0, SweepReport.MAX_LISTED);
        }
        String exit = execution.getExitStatus().getExitDescription();
        return Optional.of(new SweepReport(jobExecutionId, instance, execution.getStatus().name(),
                exit == null || exit.isBlank() ? null : firstLine(exit),
                execution.getStartTime(), execution.getEndTime(),
                parameters.getString(SweepParameters.PACK_NAME), parameters.getLong(SweepParameters.PACK_VERSION),
                summary, listed, truncated, triggers.forVideos(listed.stream().map(Video::id).toList())));
    }

    /** Recent sweep executions, newest first. */
    public List<JobExecution> recent(int count) {
        return repository.getJobInstances(SweepJobConfiguration.JOB, 0, count).stream()
                .flatMap(instance -> repository.getJobExecutions(instance).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId()))
                .limit(count)
                .toList();
    }

    /** The first line of an exit description, which for a failure is the exception message without its trace. */
    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
