package org.compliancerunner.sweep;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.compliancerunner.catalog.IngestRefusedException;
import org.compliancerunner.catalog.MediaRoots;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.web.Problems;
import org.compliancerunner.web.Progress;
import org.compliancerunner.web.ProgressStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sweeps and re-evaluations over HTTP, through the same {@link Sweeps} and {@link Reevaluations} as the CLI. A launch
 * answers 202 as soon as the job execution exists; the job runs on in the background.
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs")
class JobsController {

    private static final List<String> JOBS = List.of(SweepJobConfiguration.JOB, ReevaluateJobConfiguration.JOB);
    private static final int MAX_VIDEOS_SHOWN = 1000;

    private final Sweeps sweeps;
    private final Reevaluations reevaluations;
    private final JobRepository repository;
    private final SweepQueue queue;
    private final Videos videos;
    private final MediaRoots roots;
    private final BackgroundJobs background;
    private final ProgressStreams streams;

    JobsController(Sweeps sweeps, Reevaluations reevaluations, JobRepository repository, SweepQueue queue,
                   Videos videos, MediaRoots roots, BackgroundJobs background, ProgressStreams streams) {
        this.sweeps = sweeps;
        this.reevaluations = reevaluations;
        this.repository = repository;
        this.queue = queue;
        this.videos = videos;
        this.roots = roots;
        this.background = background;
        this.streams = streams;
    }

    enum JobType { SWEEP, REEVALUATE }

    /**
     * @param rules a rule-pack file on the server, under compliance.media.roots; required for a re-evaluation
     * @param since re-evaluate only videos processed since then
     */
    record Launch(@NotNull JobType type, @Size(max = 100) @Nullable String project, @Positive @Nullable Long limit,
                  @Min(1) @Max(256) @Nullable Integer partitions, @Size(max = 4096) @Nullable String rules,
                  @Nullable OffsetDateTime since) {
    }

    record JobSummary(long id, long instanceId, String job, String status, @Nullable String exitDescription,
                      @Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, Map<String, Object> parameters) {
    }

    record StepView(String name, String status, long readCount, long writeCount, long filterCount, long commitCount,
                    long rollbackCount, long skipCount, @Nullable LocalDateTime startTime,
                    @Nullable LocalDateTime endTime, @Nullable String exitDescription) {
    }

    record VideoProgress(long id, String title, VideoStatus status, @Nullable String failureReason) {
    }

    record JobDetail(JobSummary job, List<StepView> steps, @Nullable Map<VideoStatus, Integer> videoCounts,
                     List<VideoProgress> videos, boolean videosTruncated, Progress progress) {
    }

    @Operation(summary = "Launch a sweep or a re-evaluation; 202 with the job's Location once it has started")
    @PostMapping
    ResponseEntity<JobSummary> launch(@Valid @RequestBody Launch launch) {
        Path rules = launch.rules() == null ? null : allowedRulePack(launch.rules());
        long id;
        if (launch.type() == JobType.SWEEP) {
            if (launch.since() != null) {
                throw Problems.badRequest("since", "since: only a re-evaluation takes since");
            }
            SweepRequest request = new SweepRequest(launch.project(), launch.limit(), rules, launch.partitions());
            id = inBackground(watcher -> sweeps.sweep(request, watcher));
        } else {
            if (rules == null) {
                throw Problems.badRequest("rules", "rules: a re-evaluation needs the new rule pack's file");
            }
            if (launch.limit() != null || launch.partitions() != null) {
                throw Problems.badRequest("limit", "limit, partitions: a re-evaluation takes neither");
            }
            id = inBackground(watcher -> reevaluations.reevaluate(rules, launch.project(), launch.since(), watcher));
        }
        return accepted(id);
    }

    @Operation(summary = "Recent sweeps and re-evaluations, newest first")
    @GetMapping
    List<JobSummary> list(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return JOBS.stream()
                .flatMap(job -> repository.getJobInstances(job, 0, limit).stream())
                .flatMap(instance -> repository.getJobExecutions(instance).stream())
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(limit)
                .map(JobsController::summary)
                .toList();
    }

    @Operation(summary = "One job with its step executions and, for a sweep, the progress of every video it claimed")
    @GetMapping("/{id}")
    JobDetail detail(@PathVariable long id) {
        JobExecution execution = require(id);
        List<StepView> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(JobsController::step).toList();
        Map<VideoStatus, Integer> counts = null;
        List<VideoProgress> claimed = List.of();
        boolean truncated = false;
        if (isSweep(execution)) {
            counts = queue.progress(execution.getJobInstanceId());
            List<Video> all = videos.claimedBy(execution.getJobInstanceId(), MAX_VIDEOS_SHOWN + 1);
            truncated = all.size() > MAX_VIDEOS_SHOWN;
            claimed = all.stream().limit(MAX_VIDEOS_SHOWN)
                    .map(v -> new VideoProgress(v.id(), v.title(), v.status(), v.failureReason())).toList();
        }
        return new JobDetail(summary(execution), steps, counts, claimed, truncated, progress(execution));
    }

    @Operation(summary = "Restart a failed or stopped job; 202 once it runs again")
    @PostMapping("/{id}/restart")
    ResponseEntity<JobSummary> restart(@PathVariable long id) {
        JobExecution execution = require(id);
        if (!isSweep(execution)) {
            throw Problems.of(HttpStatus.CONFLICT, "not-restartable", "job " + id + " is a re-evaluation; launch a new one");
        }
        return accepted(inBackground(watcher -> sweeps.restart(id, watcher)));
    }

    @Operation(summary = "Ask a running job to stop after its current chunks; it can be restarted later")
    @PostMapping("/{id}/stop")
    ResponseEntity<JobSummary> stop(@PathVariable long id) throws SweepLaunchException {
        JobExecution execution = require(id);
        if (!isSweep(execution)) {
            throw Problems.of(HttpStatus.CONFLICT, "not-stoppable", "job " + id + " is a re-evaluation, which runs to its end");
        }
        sweeps.stop(id);
        return ResponseEntity.accepted().body(summary(require(id)));
    }

    @Operation(summary = "The job's progress as Server-Sent Events {stage, progress, finished} until it ends")
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id) {
        require(id);
        return streams.open(() -> progress(repository.getJobExecution(id)));
    }

    /** Where a job stands, from the job repository and the catalog, so it is right whichever process runs the job. */
    private Progress progress(JobExecution execution) {
        if (!execution.isRunning()) {
            return new Progress(execution.getStatus().name(), 1.0, true);
        }
        String stage = execution.getStepExecutions().stream()
                // a partition's worker steps are named step:partitionN; the manager step names the stage
                .filter(step -> step.getStatus().isRunning() && !step.getStepName().contains(":"))
                .max(Comparator.comparing(StepExecution::getId))
                .map(StepExecution::getStepName).orElse(execution.getStatus().name());
        double fraction = 0;
        if (isSweep(execution)) {
            Map<VideoStatus, Integer> counts = queue.progress(execution.getJobInstanceId());
            int claimed = counts.values().stream().mapToInt(Integer::intValue).sum();
            int finished = counts.get(VideoStatus.DONE) + counts.get(VideoStatus.FAILED);
            fraction = claimed == 0 ? 0 : (double) finished / claimed;
        }
        return new Progress(stage, Math.min(fraction, 0.99), false);
    }

    @FunctionalInterface
    private interface Start {
        void run(SweepWatcher watcher) throws Exception;
    }

    /** Runs the job on a background thread and returns its execution id as soon as the execution exists. */
    private long inBackground(Start start) {
        CompletableFuture<Long> started = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    start.run((executionId, instanceId) -> started.complete(executionId));
                    started.completeExceptionally(new IllegalStateException("the job ended without starting"));
                } catch (Exception e) {
                    started.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "too many job launches are in progress on this server; try again shortly");
        }
        try {
            return started.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw launchFailure(e.getCause());
        } catch (TimeoutException e) {
            throw Problems.of(HttpStatus.GATEWAY_TIMEOUT, "launch-timeout", "the job did not start within 5 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "the server is shutting down");
        }
    }

    private static ErrorResponseException launchFailure(Throwable cause) {
        if (cause instanceof RulePackException) {
            return Problems.badRequest("rules", "rules: " + cause.getMessage());
        }
        if (cause instanceof SweepAlreadyRunningException running) {
            ErrorResponseException conflict = Problems.of(HttpStatus.CONFLICT, "sweep-running", cause.getMessage());
            conflict.getBody().setProperty("runningJobId", running.runningExecutionId());
            conflict.getHeaders().setLocation(URI.create("/api/jobs/" + running.runningExecutionId()));
            return conflict;
        }
        return Problems.of(HttpStatus.CONFLICT, "launch-refused", cause.getMessage());
    }

    private Path allowedRulePack(String rules) {
        try {
            return roots.require(rules);
        } catch (IngestRefusedException e) {
            throw Problems.badRequest("rules", "rules: " + e.getMessage());
        }
    }

    private ResponseEntity<JobSummary> accepted(long id) {
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + id)).body(summary(require(id)));
    }

    private JobExecution require(long id) {
        JobExecution execution = Executions.find(repository, id).orElse(null);
        if (execution == null || !JOBS.contains(execution.getJobInstance().getJobName())) {
            throw Problems.notFound("job " + id);
        }
        return execution;
    }

    private static boolean isSweep(JobExecution execution) {
        return SweepJobConfiguration.JOB.equals(execution.getJobInstance().getJobName());
    }

    private static JobSummary summary(JobExecution execution) {
        String exit = execution.getExitStatus().getExitDescription();
        Map<String, Object> parameters = new java.util.TreeMap<>();
        execution.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), p.value()));
        return new JobSummary(execution.getId(), execution.getJobInstanceId(), execution.getJobInstance().getJobName(),
                execution.getStatus().name(), exit == null || exit.isBlank() ? null : SweepReports.firstLine(exit),
                execution.getStartTime(), execution.getEndTime(), parameters);
    }

    private static StepView step(StepExecution step) {
        String exit = step.getExitStatus().getExitDescription();
        return new StepView(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                step.getFilterCount(), step.getCommitCount(), step.getRollbackCount(), step.getSkipCount(),
                step.getStartTime(), step.getEndTime(), exit == null || exit.isBlank() ? null : SweepReports.firstLine(exit));
    }
}
