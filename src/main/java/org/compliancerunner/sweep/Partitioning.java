package org.compliancerunner.sweep;

/** Where the analyze step's partitions run. */
public enum Partitioning {
    /** threads of the sweep process; needs no broker */
    LOCAL,
    /** worker processes fed through RabbitMQ */
    REMOTE
}
