package org.compliancerunner.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.compliancerunner.policy.Trigger;

/** How a new pack version's findings on a video differ from the previous ones, matched by rule and start time. */
record TriggerDiff(int added, int removed, int unchanged) {

    static TriggerDiff between(List<Trigger> before, List<Trigger> after) {
        Set<String> old = new HashSet<>();
        before.forEach(trigger -> old.add(key(trigger)));
        int unchanged = 0;
        for (Trigger trigger : after) {
            if (old.contains(key(trigger))) {
                unchanged++;
            }
        }
        return new TriggerDiff(after.size() - unchanged, before.size() - unchanged, unchanged);
    }

    private static String key(Trigger trigger) {
        return trigger.ruleId() + '\u0000' + trigger.startMs();
    }
}
