package org.compliancerunner.sweep;

import java.util.List;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.catalog.SweepQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One partition's pages of claimed videos. The claim step claims only a first batch, so that a sweep over a million
 * videos starts at once; a partition that has read all of its claims claims the sweep's next batch (for every
 * partition) and reads on. A page is empty only when nothing this sweep may claim is left.
 */
final class PartitionClaims implements KeysetReader.Page<ClaimedVideo> {

    private final SweepQueue queue;
    private final TransactionTemplate ownTransaction;
    private final long instance;
    private final int partition;
    private final int partitions;
    private final @Nullable String project;
    private final long limit;
    private final int batch;

    PartitionClaims(SweepQueue queue, PlatformTransactionManager transactions, long instance, int partition,
                    int partitions, @Nullable String project, long limit, int batch) {
        this.queue = queue;
        // claims commit at once, so the other partitions see them while this one's chunk is still open
        this.ownTransaction = OwnTransaction.of(transactions);
        this.instance = instance;
        this.partition = partition;
        this.partitions = partitions;
        this.project = project;
        this.limit = limit;
        this.batch = batch;
    }

    /** The claim step's batch: the first {@code batch} videos, or fewer when the sweep's limit is lower. */
    static int firstBatch(SweepQueue queue, long instance, @Nullable String project, long limit, int batch) {
        return queue.claim(instance, project, Math.min(limit, batch));
    }

    @Override
    public List<ClaimedVideo> after(long afterClaim, int max) {
        List<ClaimedVideo> page = queue.unfinished(instance, partition, partitions, afterClaim, max);
        while (page.isEmpty() && claimedMore(afterClaim)) {
            page = queue.unfinished(instance, partition, partitions, afterClaim, max);
        }
        return page;
    }

    // false once nothing is left to claim; under the sweep's claim lock, so every earlier claim is visible by then
    private boolean claimedMore(long afterClaim) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            queue.lockClaims(instance);
            if (!queue.unfinished(instance, partition, partitions, afterClaim, 1).isEmpty()) {
                return true; // another partition claimed for everyone while this one waited for the lock
            }
            long room = limit == Long.MAX_VALUE ? batch : Math.min(batch, limit - queue.claimed(instance));
            return room > 0 && queue.claim(instance, project, room) > 0;
        }));
    }
}
