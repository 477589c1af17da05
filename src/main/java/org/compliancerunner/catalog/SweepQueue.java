package org.compliancerunner.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.compliancerunner.metrics.ProcessingMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The videos' side of a sweep: claiming PENDING videos for a job instance, and the guarded status changes that
 * make a retried or restarted chunk harmless (every change names the state it expects).
 */
@Service
public class SweepQueue {

    /** Analyses of one video that may end with its process gone before the video is failed for good. */
    public static final int MAX_ATTEMPTS = 3;

    /** The first key of the advisory locks that serialise one sweep's claims (the second is the job instance). */
    private static final int CLAIM_LOCKS = 0x636c6d; // "clm"

    private final JdbcClient jdbc;
    private final ProcessingMetrics metrics;

    public SweepQueue(JdbcClient jdbc, ProcessingMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * PENDING → QUEUED for this job instance: up to {@code count} videos, highest priority and oldest first, numbered
     * in claim order; concurrent sweeps skip each other's rows.
     */
    public int claim(long jobInstanceId, @Nullable String project, long count) {
        return jdbc.sql("""
                        UPDATE videos SET status = 'QUEUED', claimed_by = :instance, claim_order = nextval('video_claim_order'),
                               updated_at = now()
                        WHERE id IN (
                            SELECT v.id FROM videos v
                            WHERE v.status = 'PENDING'
                              AND (CAST(:project AS TEXT) IS NULL OR v.project_id IN (SELECT p.id FROM projects p WHERE p.name = :project))
                            ORDER BY v.priority DESC, v.created_at, v.id
                            LIMIT :count
                            FOR UPDATE OF v SKIP LOCKED)""")
                .param("instance", jobInstanceId).param("project", project).param("count", count)
                .update();
    }

    /**
     * Holds, until the caller's transaction ends, the right to claim for this job instance: a partition that claims
     * under it, or finds nothing left to claim, knows that every earlier claim of the sweep is committed and visible.
     */
    public void lockClaims(long jobInstanceId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, :instance)")
                .param("space", CLAIM_LOCKS).param("instance", (int) jobInstanceId)
                .query((rs, n) -> n).list();
    }

    /** Every video this job instance has claimed, finished or not. */
    public long claimed(long jobInstanceId) {
        return jdbc.sql("SELECT count(*) FROM videos WHERE claimed_by = :instance")
                .param("instance", jobInstanceId).query(Long.class).single();
    }

    /** One partition's unfinished claims after {@code afterClaim} in claim order; partitions split by id so a restart gets the same ones. */
    public List<ClaimedVideo> unfinished(long jobInstanceId, int partition, int partitions, long afterClaim, int max) {
        return jdbc.sql("""
                        SELECT id, title, media_path, duration_ms, claim_order FROM videos
                        WHERE claimed_by = :instance AND status IN ('QUEUED', 'PROCESSING')
                          AND mod(id, :partitions) = :partition AND claim_order > :after
                        ORDER BY claim_order LIMIT :max""")
                .param("instance", jobInstanceId).param("partitions", partitions).param("partition", partition)
                .param("after", afterClaim).param("max", max)
                .query(ClaimedVideo.class).list();
    }

    /** QUEUED → PROCESSING, so operators can see what is being worked on; counts attempts. */
    public void markProcessing(long videoId, long jobInstanceId) {
        jdbc.sql("""
                        UPDATE videos SET status = 'PROCESSING', attempts = attempts + 1, updated_at = now()
                        WHERE id = :id AND claimed_by = :instance AND status IN ('QUEUED', 'PROCESSING')""")
                .param("id", videoId).param("instance", jobInstanceId).update();
    }

    /**
     * The final status of a claimed video. Returns false when the video is no longer this instance's claim to finish
     * (already finished, or released to another sweep), in which case the caller writes nothing for it.
     */
    public boolean finish(long videoId, long jobInstanceId, VideoResult result) {
        boolean finished = jdbc.sql("""
                        UPDATE videos SET status = :status, failure_reason = :reason, transcript_source = :transcript,
                               pack_name = :pack, pack_version = :version, analysis_ms = :analysis, decode_ms = :decode,
                               processed_at = now(), updated_at = now()
                        WHERE id = :id AND claimed_by = :instance AND status IN ('QUEUED', 'PROCESSING')""")
                .param("status", result.status().name()).param("reason", result.failureReason())
                .param("transcript", result.transcriptSource())
                .param("pack", result.packName()).param("version", result.packVersion())
                .param("analysis", result.analysisMs()).param("decode", result.decodeMs())
                .param("id", videoId).param("instance", jobInstanceId)
                .update() == 1;
        if (finished) {
            metrics.videosFinished(result.status().name(), 1);
        }
        return finished;
    }

    /**
     * Returns unfinished claims of sweeps that are no longer running to PENDING, so the next sweep takes them over.
     *
     * @param runningInstances job instances with a live execution; their claims are left alone
     */
    public int releaseAbandoned(List<Long> runningInstances) {
        Long[] running = runningInstances.toArray(Long[]::new);
        // a file that took its process down this often would take every later sweep down with it
        int crashLooping = jdbc.sql("""
                        UPDATE videos SET status = 'FAILED', processed_at = now(), updated_at = now(),
                               failure_reason = 'analysing this file stopped the sweep process ' || attempts
                                   || ' times (a crash or out of memory); it is not tried again'
                        WHERE status = 'PROCESSING' AND claimed_by IS NOT NULL AND attempts >= :limit
                          AND NOT (claimed_by = ANY (:running))""")
                .param("limit", MAX_ATTEMPTS).param("running", running).update();
        metrics.videosFinished(VideoStatus.FAILED.name(), crashLooping);
        return jdbc.sql("""
                        UPDATE videos SET status = 'PENDING', claimed_by = NULL, updated_at = now()
                        WHERE status IN ('QUEUED', 'PROCESSING') AND claimed_by IS NOT NULL
                          AND NOT (claimed_by = ANY (:running))""")
                .param("running", running)
                .update();
    }

    /**
     * DONE or FAILED → PENDING, so the next sweep checks the video again from its file (for a re-judgement of stored
     * transcripts under a new pack, {@code reevaluate} needs no decoding). Returns false when the video is not
     * finished (unknown, waiting, or being checked now) and nothing was changed.
     */
    public boolean requeue(long videoId) {
        return jdbc.sql("""
                        UPDATE videos SET status = 'PENDING', claimed_by = NULL, failure_reason = NULL, attempts = 0,
                               updated_at = now()
                        WHERE id = :id AND status IN ('DONE', 'FAILED')""")
                .param("id", videoId).update() == 1;
    }

    /** How many of one sweep's claims are in each status. */
    public Map<VideoStatus, Integer> progress(long jobInstanceId) {
        Map<VideoStatus, Integer> counts = new EnumMap<>(VideoStatus.class);
        for (VideoStatus status : VideoStatus.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM videos WHERE claimed_by = :instance GROUP BY status")
                .param("instance", jobInstanceId)
                .query((rs, n) -> counts.put(VideoStatus.valueOf(rs.getString("status")), rs.getInt("n")))
                .list();
        return counts;
    }
}
