package org.compliancerunner.sweep;

import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePacks;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;

/**
 * The rule pack a sweep or re-evaluation step judges with, parsed once per step from the version its job parameters
 * name. Only the steps' processors need the rules; writers record the pack's name and version alone.
 */
@Configuration(proxyBeanMethods = false)
class JudgingPackConfiguration {

    // step scope without a proxy: a record cannot be subclassed, and only step-scoped beans ask for it
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    RulePack judgingPack(RulePacks packs, @Value("#{stepExecution}") StepExecution step) throws RulePackException {
        var pack = SweepParameters.packVersion(step.getJobParameters());
        return packs.load(pack.name(), pack.version());
    }
}
