package org.compliancerunner.sweep;

import java.util.UUID;

import org.compliancerunner.policy.PackVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The sweep job's parameters; a fresh run id makes every sweep a new job instance, a restart reuses them. */
record SweepParameters(@Nullable String project, long limit, String packName, int packVersion, int partitions, String runId) {

    static final String PROJECT = "project";
    static final String LIMIT = "limit";
    static final String PACK_NAME = "pack.name";
    static final String PACK_VERSION = "pack.version";
    static final String PARTITIONS = "partitions";
    static final String RUN_ID = "run.id";

    static SweepParameters fresh(@Nullable String project, long limit, String packName, int packVersion, int partitions) {
        return new SweepParameters(project, limit, packName, packVersion, partitions, UUID.randomUUID().toString());
    }

    /** The stored pack version a sweep or re-evaluation judges with, named by its job parameters. */
    static PackVersion packVersion(JobParameters parameters) {
        return new PackVersion(parameters.getString(PACK_NAME), parameters.getLong(PACK_VERSION).intValue());
    }

    JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLong(LIMIT, limit)
                .addString(PACK_NAME, packName)
                .addLong(PACK_VERSION, (long) packVersion)
                .addLong(PARTITIONS, (long) partitions)
                .addString(RUN_ID, runId);
        if (project != null) {
            builder.addString(PROJECT, project);
        }
        return builder.toJobParameters();
    }
}
