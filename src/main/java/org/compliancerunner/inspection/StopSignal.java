package org.compliancerunner.inspection;

/** Whether the work an inspection belongs to was asked to stop (e.g. {@code stop ID} from another process). */
@FunctionalInterface
public interface StopSignal {

    StopSignal NEVER = () -> false;

    boolean requested();
}
