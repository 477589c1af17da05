package org.compliancerunner.sweep;

import java.util.List;

import org.compliancerunner.catalog.JudgedVideo;
import org.compliancerunner.policy.Trigger;

/** A video judged again by a new pack version: its new findings and how they differ from the last ones. */
record Rejudgement(JudgedVideo video, List<Trigger> triggers, TriggerDiff diff) {
}
