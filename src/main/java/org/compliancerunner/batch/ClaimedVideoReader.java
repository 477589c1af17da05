package org.compliancerunner.batch;

import java.util.ArrayDeque;
import java.util.Deque;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.catalog.SweepQueue;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads one partition's unfinished claims in id order, a page at a time. It keeps no restart state: finished
 * videos leave the query, so a restarted partition reads exactly what is left.
 */
class ClaimedVideoReader implements ItemReader<ClaimedVideo> {

    private static final int PAGE = 50;

    private final SweepQueue queue;
    private final long jobInstanceId;
    private final int partition;
    private final int partitions;
    private final Deque<ClaimedVideo> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    ClaimedVideoReader(SweepQueue queue, long jobInstanceId, int partition, int partitions) {
        this.queue = queue;
        this.jobInstanceId = jobInstanceId;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public ClaimedVideo read() {
        if (page.isEmpty() && !exhausted) {
            var next = queue.unfinished(jobInstanceId, partition, partitions, lastId, PAGE);
            exhausted = next.size() < PAGE;
            page.addAll(next);
        }
        ClaimedVideo video = page.poll();
        if (video != null) {
            lastId = video.id();
        }
        return video;
    }
}
