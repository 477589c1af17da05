package org.compliancerunner.policy;

import java.util.Locale;

/**
 * Flags integrated loudness outside {@code target} ± {@code tolerance} (LUFS, LU), measured over the whole programme
 * or, with {@code gate: speech}, over the speech map only, as delivery specs with dialogue-gated loudness ask.
 */
public record LoudnessRule(String id, Severity severity, double target, double tolerance, Gate gate) implements Rule {

    public static final String KIND = "loudness";

    /** What the integrated loudness is measured over. */
    public enum Gate {
        PROGRAMME, SPEECH;

        /** The pack's spelling. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LoudnessRule(String id, Severity severity, double target, double tolerance) {
        this(id, severity, target, tolerance, Gate.PROGRAMME);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
