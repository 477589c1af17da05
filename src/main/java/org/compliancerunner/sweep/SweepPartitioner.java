package org.compliancerunner.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a sweep's claims by video id modulo the partition count. It reads nothing and cannot throw, so a restart
 * always gets the same partitions and the claims themselves stay in the database.
 */
class SweepPartitioner implements Partitioner {

    static final String PARTITION = "partition";
    static final String PARTITIONS = "partitions";

    private final int partitions;

    SweepPartitioner(int partitions) {
        this.partitions = Math.max(1, partitions);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < partitions; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            context.putInt(PARTITIONS, partitions);
            contexts.put("partition" + i, context);
        }
        return contexts;
    }
}
