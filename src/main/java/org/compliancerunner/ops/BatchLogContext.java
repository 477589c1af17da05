package org.compliancerunner.ops;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * Puts the job execution id and the step name into the logging context (MDC keys {@code jobExecutionId} and
 * {@code step}) for every line logged while a Spring Batch job or step runs, in whatever thread runs it. It rides on
 * the observations Spring Batch opens around each job and step execution, so no job definition has to register it.
 */
@Component
class BatchLogContext implements ObservationHandler<Observation.Context> {

    static final String JOB_EXECUTION = "jobExecutionId";
    static final String STEP = "step";

    private static final String JOB_OBSERVATION = "spring.batch.job";
    private static final String STEP_OBSERVATION = "spring.batch.step";
    private static final String SAVED = BatchLogContext.class.getName() + ".saved";

    @Override
    public boolean supportsContext(Observation.Context context) {
        return JOB_OBSERVATION.equals(context.getName()) || STEP_OBSERVATION.equals(context.getName());
    }

    @Override
    public void onScopeOpened(Observation.Context context) {
        // a step may run in the thread of an outer step (or job): what was there comes back when it ends
        context.put(SAVED, new String[] {MDC.get(JOB_EXECUTION), MDC.get(STEP)});
        if (JOB_OBSERVATION.equals(context.getName())) {
            putOrRemove(JOB_EXECUTION, value(context, "spring.batch.job.executionId"));
            return;
        }
        StepContext step = StepSynchronizationManager.getContext();
        if (step != null) {
            putOrRemove(JOB_EXECUTION, String.valueOf(step.getStepExecution().getJobExecutionId()));
        }
        putOrRemove(STEP, value(context, "spring.batch.step.name"));
    }

    @Override
    public void onScopeClosed(Observation.Context context) {
        String[] saved = context.getOrDefault(SAVED, new String[2]);
        putOrRemove(JOB_EXECUTION, saved[0]);
        putOrRemove(STEP, saved[1]);
    }

    private static @Nullable String value(Observation.Context context, String key) {
        var value = context.getLowCardinalityKeyValue(key);
        if (value == null) {
            value = context.getHighCardinalityKeyValue(key);
        }
        return value == null ? null : value.getValue();
    }

    private static void putOrRemove(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
