package org.compliancerunner.sweep;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePacks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts and stops sweeps: the one place the CLI, the API and the scheduler launch them from. Before a
 * new sweep it recovers executions whose process died and hands their unfinished claims back to the queue.
 */
@Service
public class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job sweepJob;
    private final RulePacks packs;
    private final SweepQueue queue;
    private final StaleSweepRecovery recovery;
    private final SweepStarts starts;
    private final SweepProperties properties;
    private final SweepGate gate;
    private final LostDatabase lostDatabase;

    Sweeps(JobOperator operator, JobRepository repository, @Qualifier("sweepJob") Job sweepJob, RulePacks packs, SweepQueue queue,
           StaleSweepRecovery recovery, SweepStarts starts, SweepProperties properties, SweepGate gate,
           LostDatabase lostDatabase) {
        this.operator = operator;
        this.repository = repository;
        this.sweepJob = sweepJob;
        this.packs = packs;
        this.queue = queue;
        this.recovery = recovery;
        this.starts = starts;
        this.properties = properties;
        this.gate = gate;
        this.lostDatabase = lostDatabase;
    }

    /**
     * Runs a new sweep to its end in this thread. The rule pack is checked and stored first: a bad pack changes
     * nothing. While another sweep is live anywhere, none is started ({@link SweepAlreadyRunningException}).
     */
    public JobExecution sweep(SweepRequest request, SweepWatcher watcher) throws RulePackException,
            SweepLaunchException {
        return sweep(request, watcher, null);
    }

    /**
     * As {@link #sweep(SweepRequest, SweepWatcher)}, but refuses when a sweep was started at or after
     * {@code unlessStartedSince} (another replica already swept for this schedule tick).
     */
    JobExecution sweep(SweepRequest request, SweepWatcher watcher, @Nullable LocalDateTime unlessStartedSince)
            throws RulePackException, SweepLaunchException {
        RulePack pack = packs.register(request.rules() == null ? packs.defaultPack() : packs.parse(request.rules()));
        gate.enter();
        try {
            takeOverAbandonedWork();
            return launch(request, pack, watcher, unlessStartedSince);
        } finally {
            gate.leave();
        }
    }

    private JobExecution launch(SweepRequest request, RulePack pack, SweepWatcher watcher,
                                @Nullable LocalDateTime unlessStartedSince) throws SweepLaunchException {
        // after the recovery every execution still running is live: a second sweep beside it would only compete
        Optional<JobExecution> live = repository.findRunningJobExecutions(SweepJobConfiguration.JOB).stream().findFirst();
        if (live.isPresent()) {
            throw SweepAlreadyRunningException.live(live.get().getId(), recovery.holder(live.get()));
        }
        // a stopped or failed execution whose process is still finishing keeps its claims until its lease lapses
        Optional<Long> held = recovery.stillHeld().stream().findFirst();
        if (held.isPresent()) {
            throw SweepAlreadyRunningException.live(held.get(), recovery.holder(held.get()) + ", finishing after a stop");
        }
        if (unlessStartedSince != null) {
            Optional<Long> recent = recovery.startedSince(unlessStartedSince);
            if (recent.isPresent()) {
                throw SweepAlreadyRunningException.sweptForTick(recent.get());
            }
        }
        int partitions = request.partitions() == null ? properties.defaultPartitions() : request.partitions();
        long limit = request.limit() == null ? Long.MAX_VALUE : request.limit();
        SweepParameters parameters = SweepParameters.fresh(request.project(), limit, pack.name(), pack.version(),
                partitions);
        AtomicLong started = new AtomicLong(-1);
        starts.watch(parameters.runId(), (execution, instance) -> {
            started.set(execution);
            watcher.started(execution, instance);
        });
        try {
            return operator.start(sweepJob, parameters.toJobParameters());
        } catch (Exception e) {
            if (started.get() >= 0 && LostDatabase.isConnectionFailure(e)) {
                // the end itself could not be recorded: once the database answers, the execution is marked FAILED
                throw new SweepLaunchException(lostDatabase.recordLoss(started.get(), e), e);
            }
            throw new SweepLaunchException("The sweep could not start: " + e.getMessage(), e);
        } finally {
            starts.forget(parameters.runId());
        }
    }

    /** Restarts a failed or stopped sweep execution, recovering it first if its process died. */
    public JobExecution restart(long jobExecutionId, SweepWatcher watcher) throws SweepLaunchException {
        JobExecution execution = require(jobExecutionId);
        if (execution.isRunning()) {
            Optional<String> why = recovery.stale(execution);
            if (why.isEmpty()) {
                throw new SweepLaunchException("Sweep execution " + jobExecutionId + " is still running ("
                        + recovery.holder(execution) + "); stop it first with: stop " + jobExecutionId);
            }
            log.warn("Sweep execution {}: {}", jobExecutionId, why.get());
            recovery.recover(execution);
            execution = require(jobExecutionId);
        } else if (recovery.stillHeld().contains(jobExecutionId)) {
            throw new SweepLaunchException("Sweep execution " + jobExecutionId + " was stopped but its process ("
                    + recovery.holder(jobExecutionId) + ") is still finishing; restart it once that has ended");
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            lostDatabase.failUnknown(execution);
            execution = require(jobExecutionId);
        }
        String runId = execution.getJobParameters().getString(SweepParameters.RUN_ID);
        starts.watch(runId, watcher);
        try {
            if (execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
                return resume(execution);
            }
            return operator.restart(execution);
        } catch (Exception e) {
            if (e instanceof JobInstanceAlreadyCompleteException || e.getCause() instanceof JobInstanceAlreadyCompleteException) {
                throw new SweepLaunchException("Sweep execution " + jobExecutionId + " already completed; nothing to restart");
            }
            throw new SweepLaunchException("Sweep execution " + jobExecutionId + " could not be restarted: "
                    + e.getMessage(), e);
        } finally {
            starts.forget(runId);
        }
    }

    /**
     * Restarts an execution whose remote partitions live workers still run (its process died, they did not): the job
     * launcher refuses an execution with running steps, but the restarted sweep is meant to wait for those, so the
     * next execution is created and run here, as the launcher would after its checks.
     */
    private JobExecution resume(JobExecution failed) throws Exception {
        JobExecution next = repository.createJobExecution(failed.getJobInstance(), failed.getJobParameters(),
                new ExecutionContext());
        sweepJob.execute(next);
        return next;
    }

    /**
     * Asks a running sweep to stop: the process running it interrupts the videos in progress at their next safe point
     * (within about a second, plus {@code compliance.sweep.video-timeout.grace} for one that does not stop) and
     * writes the chunk's finished videos; the execution can be restarted later.
     */
    public void stop(long jobExecutionId) throws SweepLaunchException {
        require(jobExecutionId);
        try {
            operator.stop(jobExecutionId);
        } catch (JobExecutionNotRunningException e) {
            throw new SweepLaunchException("Sweep execution " + jobExecutionId + " is not running");
        } catch (NoSuchJobExecutionException e) {
            throw new SweepLaunchException("No sweep execution " + jobExecutionId);
        }
    }

    private void takeOverAbandonedWork() {
        recovery.recoverAll();
        int released = queue.releaseAbandoned(recovery.liveInstances());
        if (released > 0) {
            log.info("{} video(s) left unfinished by failed or crashed sweeps return to the queue", released);
        }
    }

    private JobExecution require(long jobExecutionId) throws SweepLaunchException {
        JobExecution execution = Executions.find(repository, jobExecutionId).orElse(null);
        if (execution != null && ReevaluateJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())) {
            throw new SweepLaunchException("Execution " + jobExecutionId + " is a re-evaluation, which is not restarted "
                    + "or stopped: run reevaluate --rules FILE again with the same pack; judging a video again with "
                    + "the same pack changes nothing, so the videos it already did come out the same");
        }
        if (execution == null || !SweepJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())) {
            throw new SweepLaunchException("No sweep execution " + jobExecutionId + " (see: status)");
        }
        return execution;
    }
}
