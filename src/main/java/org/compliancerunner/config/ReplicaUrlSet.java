package org.compliancerunner.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code compliance.datasource.replica.url} names a replica for the API's reads. */
class ReplicaUrlSet implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("compliance.datasource.replica.url");
        return url != null && !url.isBlank();
    }
}
