package org.compliancerunner.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.compliancerunner.policy.PackVersion;
import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.support.CatalogRows;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projects and videos written straight into the tables, and findings recorded as the sweep records them
 * ({@link Judgements}): the pack version's triggers replaced and the review items synced. Each scene has its own project.
 */
public final class ReviewScene {

    public static final String PACK = "broadcast-default";

    private final JdbcClient jdbc;
    private final Judgements judgements;
    private final ReviewQueue queue;
    private final Map<Long, String> titles = new HashMap<>();
    public final String project;
    private final long projectId;

    public ReviewScene(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.judgements = context.getBean(Judgements.class);
        this.queue = context.getBean(ReviewQueue.class);
        this.project = "review-" + UUID.randomUUID().toString().substring(0, 8);
        this.projectId = CatalogRows.project(jdbc, project, "test");
    }

    public long video(String title) {
        long id = CatalogRows.video(jdbc, projectId, title, "test", "DONE");
        titles.put(id, title);
        return id;
    }

    /** Records what one pack version found on the video, as the sweep's writer does; returns the items changed. */
    public int rewrite(long videoId, int packVersion, Trigger... found) {
        return judgements.record(videoId, titles.get(videoId), new PackVersion(PACK, packVersion), List.of(found));
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
