/**
 * The sweep and re-evaluation as restartable Spring Batch jobs: launching, partitioning over local threads or
 * remote workers on RabbitMQ, the leases that keep one process per sweep and per partition, stale-execution
 * recovery, and the reports read back from the job repository.
 */
@NullMarked
package org.compliancerunner.sweep;

import org.jspecify.annotations.NullMarked;
