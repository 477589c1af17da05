package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePacks;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.BeanCreationException;

/** The rule pack a sweep or re-evaluation step judges with: the stored version its job parameters name, one per step. */
class JudgingPackTest extends IntegrationTest {

    @Test
    void aStepGetsTheStoredVersionItsParametersNameParsedOnceForTheStep() throws Exception {
        RulePacks packs = context.getBean(RulePacks.class);
        RulePack stored = packs.register(packs.parse("""
                pack: judging-pack
                version: 3
                rules:
                  - {id: x.zebra, kind: phrase, phrases: ["zebra crossing"]}
                """, "test"));
        JobParameters parameters = SweepParameters.fresh(null, 10, "judging-pack", 3, 1).toJobParameters();

        List<RulePack> inOneStep = StepScopeTestUtils.doInStepScope(MetaDataInstanceFactory.createStepExecution(parameters),
                () -> List.of(context.getBean(RulePack.class), context.getBean(RulePack.class)));
        RulePack inNextStep = StepScopeTestUtils.doInStepScope(MetaDataInstanceFactory.createStepExecution(parameters),
                () -> context.getBean(RulePack.class));

        assertThat(inOneStep.get(0)).isSameAs(inOneStep.get(1));
        assertThat(inOneStep.get(0).checksum()).isEqualTo(stored.checksum());
        assertThat(inOneStep.get(0).rules()).hasSize(1);
        assertThat(inNextStep).isNotSameAs(inOneStep.get(0));
        assertThat(inNextStep.checksum()).isEqualTo(stored.checksum());
    }

    @Test
    void aVersionThatIsNotStoredFailsTheStepNamingIt() {
        JobParameters parameters = SweepParameters.fresh(null, 10, "judging-pack-missing", 7, 1).toJobParameters();

        assertThatThrownBy(() -> StepScopeTestUtils.doInStepScope(MetaDataInstanceFactory.createStepExecution(parameters),
                () -> context.getBean(RulePack.class)))
                .isInstanceOf(BeanCreationException.class)
                .rootCause().isInstanceOf(RulePackException.class)
                .hasMessageContaining("judging-pack-missing@7");
    }
}
