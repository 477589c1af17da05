package org.compliancerunner.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliancerunner.review.ReviewScene.trigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentReviewTest extends IntegrationTest {

    @Autowired
    ReviewQueue queue;

    @Autowired
    VideoVerdicts verdicts;

    @Test
    void fiftyOperatorsClaimingAThousandItemsGetEachItemExactlyOnce() throws Exception {
        ReviewScene scene = new ReviewScene(context);
        for (int v = 0; v < 100; v++) {
            long video = scene.video("clip " + v);
            scene.rewrite(video, 1, findings(10, i -> trigger("rule." + i % 3, i * 1000L, Severity.HIGH, "x")));
        }

        List<List<Long>> claimsPerOperator = runTogether(50, operator -> {
            List<Long> mine = new ArrayList<>();
            for (var item = queue.next("op-" + operator, scene.filter()); item.isPresent();
                 item = queue.next("op-" + operator, scene.filter())) {
                assertThat(item.get().claimedBy()).isEqualTo("op-" + operator);
                mine.add(item.get().id());
            }
            return mine;
        });

        List<Long> all = claimsPerOperator.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        assertThat(claimsPerOperator.stream().filter(claims -> !claims.isEmpty()).count()).isGreaterThan(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM review_audit a JOIN review_items i ON i.id = a.item_id
                        JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND a.action = 'CLAIM'""")
                .param("project", scene.project).query(Long.class).single()).isEqualTo(1000);
    }

    @Test
    void operatorsDecidingAVideosLastItemsAtTheSameTimeStillGiveItAVerdict() throws Exception {
        ReviewScene scene = new ReviewScene(context);
        List<Long> videos = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            long video = scene.video("clip " + v);
            scene.rewrite(video, 1, findings(2, i -> trigger("rule.pair", i * 1000L, Severity.MEDIUM, "x")));
            videos.add(video);
        }
        List<ReviewItem> items = queue.list(ReviewState.OPEN, scene.project, 100);
        assertThat(items).hasSize(40);

        // one thread per item of each pair, so both of a video's items are decided at the same moment
        runTogether(items.size(), n -> queue.decide(items.get(n).id(), "op-" + n, Decision.REJECT, "fine"));

        assertThat(videos).allSatisfy(video -> assertThat(verdicts.of(video)).contains(Verdict.APPROVED));
    }

    private static Trigger[] findings(int count, IntFunction<Trigger> finding) {
        Trigger[] found = new Trigger[count];
        for (int i = 0; i < count; i++) {
            found[i] = finding.apply(i);
        }
        return found;
    }

    /** Runs the task once per worker, all released at the same moment; returns the results in worker order. */
    private static <T> List<T> runTogether(int workers, WorkerTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int n = 0; n < workers; n++) {
                int worker = n;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return task.run(worker);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface WorkerTask<T> {
        T run(int worker) throws Exception;
    }
}
