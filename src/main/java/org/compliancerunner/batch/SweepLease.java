package org.compliancerunner.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records which process runs a sweep execution and keeps a heartbeat while it runs, so that a later sweep can tell
 * an execution whose process died (kill -9, lost node) from one that is still working.
 */
@Component
class SweepLease implements JobExecutionListener {

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private final JdbcClient jdbc;
    private final long heartbeatMillis;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sweep-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    SweepLease(JdbcClient jdbc, SweepProperties properties) {
        this.jdbc = jdbc;
        this.heartbeatMillis = Math.max(1000, properties.lease().toMillis() / 4);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long id = execution.getId();
        jdbc.sql("""
                        INSERT INTO sweep_leases (job_execution_id, host, pid, heartbeat_at) VALUES (:id, :host, :pid, now())
                        ON CONFLICT (job_execution_id) DO UPDATE SET host = :host, pid = :pid, heartbeat_at = now()""")
                .param("id", id).param("host", HOST).param("pid", PID).update();
        running.put(id, heartbeats.scheduleWithFixedDelay(() -> beat(id), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ScheduledFuture<?> beat = running.remove(execution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        jdbc.sql("DELETE FROM sweep_leases WHERE job_execution_id = :id").param("id", execution.getId()).update();
    }

    private void beat(long id) {
        try {
            jdbc.sql("UPDATE sweep_leases SET heartbeat_at = now() WHERE job_execution_id = :id").param("id", id).update();
        } catch (RuntimeException e) {
            // a missed beat only makes the lease look older; the next one may get through
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
