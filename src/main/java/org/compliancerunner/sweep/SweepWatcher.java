package org.compliancerunner.sweep;

/** Learns the ids of a sweep execution as soon as it starts, e.g. to show its progress. */
@FunctionalInterface
public interface SweepWatcher {

    void started(long jobExecutionId, long jobInstanceId);
}
