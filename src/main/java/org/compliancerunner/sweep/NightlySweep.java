package org.compliancerunner.sweep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@code serve} launches the sweep itself on {@code compliance.schedule.sweep} (a Spring cron expression, e.g.
 * {@code 0 0 2 * * *}). Every replica has the timer; the sweep launch lock and the check for a sweep already started
 * for this tick let exactly one of them sweep.
 */
@Component
@ConditionalOnExpression("'${compliance.role:}' == 'serve' and '${compliance.schedule.sweep:}' != ''")
class NightlySweep {

    private static final Logger log = LoggerFactory.getLogger(NightlySweep.class);

    /** What one tick did. */
    enum Outcome { SWEPT, ALREADY_RUNNING, ALREADY_SWEPT, FAILED }

    private final Sweeps sweeps;
    private final CronExpression cron;

    NightlySweep(Sweeps sweeps, @Value("${compliance.schedule.sweep}") String expression) {
        this.sweeps = sweeps;
        try {
            this.cron = CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("compliance.schedule.sweep '" + expression + "' is not a cron expression "
                    + "(six fields: second minute hour day month weekday, e.g. '0 0 2 * * *'): " + e.getMessage(), e);
        }
        log.info("Sweeps run on schedule '{}'", expression);
    }

    // on Boot's scheduler; a sweep still running at the next tick makes that tick wait, as a cron trigger does
    @Scheduled(cron = "${compliance.schedule.sweep}")
    void tick() {
        launch(Instant.now());
    }

    /** One tick: sweeps unless another replica already swept for it or a sweep is still running. */
    Outcome launch(Instant tick) {
        // a sweep started since shortly before this tick belongs to this tick (another replica's timer fired first)
        LocalDateTime since = LocalDateTime.ofInstant(tick.minus(tolerance(tick)), ZoneId.systemDefault());
        try {
            JobExecution execution = sweeps.sweep(new SweepRequest(null, null, null, null), (id, instance) ->
                    log.info("Scheduled sweep started: execution {}", id), since);
            log.info("Scheduled sweep {} ended {}", execution.getId(), execution.getStatus());
            return Outcome.SWEPT;
        } catch (SweepAlreadyRunningException e) {
            log.info("Scheduled sweep skipped: {}", e.getMessage());
            return e.live() ? Outcome.ALREADY_RUNNING : Outcome.ALREADY_SWEPT;
        } catch (Exception e) {
            log.error("Scheduled sweep could not run: {}", e.getMessage(), e);
            return Outcome.FAILED;
        }
    }

    /** Half the time to the next tick, at most a minute: replicas' clocks may differ by that much. */
    private Duration tolerance(Instant tick) {
        ZonedDateTime at = tick.atZone(ZoneId.systemDefault());
        ZonedDateTime next = cron.next(at);
        Duration half = next == null ? Duration.ofMinutes(1) : Duration.between(at, next).dividedBy(2);
        return half.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : half;
    }
}
