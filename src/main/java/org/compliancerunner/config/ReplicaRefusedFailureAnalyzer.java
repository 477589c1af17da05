package org.compliancerunner.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A replica setting that would send reads to the wrong server stops start-up with what to change. */
class ReplicaRefusedFailureAnalyzer extends AbstractFailureAnalyzer<ReplicaRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReplicaRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set compliance.datasource.replica.url "
                + "(COMPLIANCE_DATASOURCE_REPLICA_URL) to a streaming replica of the server in spring.datasource.url "
                + "(SPRING_DATASOURCE_URL), or unset it so that every query goes to that server.", cause);
    }
}
