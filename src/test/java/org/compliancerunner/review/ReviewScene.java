package org.compliancerunner.review;

import java.util.List;
import java.util.UUID;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.policy.TriggerStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects, videos and triggers written straight into the tables, and the trigger rewrite the sweep does: replace
 * the pack version's triggers, then sync the review items, in one transaction. Each scene has its own project.
 */
public final class ReviewScene {

    public static final String PACK = "broadcast-default";

    private final JdbcClient jdbc;
    private final TriggerStore triggers;
    private final ReviewQueue queue;
    private final TransactionTemplate transaction;
    public final String project;
    private final long projectId;

    public ReviewScene(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.triggers = context.getBean(TriggerStore.class);
        this.queue = context.getBean(ReviewQueue.class);
        this.transaction = new TransactionTemplate(context.getBean("transactionManager", PlatformTransactionManager.class));
        this.project = "review-" + UUID.randomUUID().toString().substring(0, 8);
        this.projectId = jdbc.sql("INSERT INTO projects (name, owner) VALUES (:name, 'test') RETURNING id")
                .param("name", project).query(Long.class).single();
    }

    public long video(String title) {
        return jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, status)
                        VALUES (:project, :title, :title, :title, :sha, 1, 'test', 'DONE') RETURNING id""")
                .param("project", projectId).param("title", title)
                .param("sha", (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64))
                .query(Long.class).single();
    }

    /** Rewrites what one pack version found on the video and syncs its review items, as the sweep's writer does. */
    public int rewrite(long videoId, int packVersion, Trigger... found) {
        return transaction.execute(status -> {
            triggers.replace(videoId, PACK, packVersion, List.of(found));
            return queue.syncVideo(videoId, PACK, packVersion);
        });
    }

    public static Trigger trigger(String rule, long startMs, Severity severity, String evidence) {
        return new Trigger(rule, startMs, startMs + 1500, severity, evidence, "captions:srt");
    }

    public ReviewFilter filter() {
        return new ReviewFilter(project, null, null);
    }

    /** The item of the video's finding (rule, start). */
    public ReviewItem item(long videoId, String rule, long startMs) {
        long id = jdbc.sql("SELECT id FROM review_items WHERE video_id = :video AND rule_id = :rule AND start_ms = :start")
                .param("video", videoId).param("rule", rule).param("start", startMs).query(Long.class).single();
        return queue.find(id).orElseThrow();
    }
}
