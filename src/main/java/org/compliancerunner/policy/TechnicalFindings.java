package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.media.Interval;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.flash.FlashVerdict;
import org.compliancerunner.media.loudness.Loudness;
import org.jspecify.annotations.Nullable;

/**
 * Judges measurements against the technical rule kinds; the evidence is the measured value against the limit. A
 * measurement the file has no stream for (no sound, no picture) cannot break a rule and gives no trigger.
 */
final class TechnicalFindings {

    /** Source of findings measured from the file itself. */
    static final String SOURCE = "measurement";

    // the one-second window of the flash guidance: failures closer than this belong to one sequence
    private static final long FLASH_GAP_MS = 1000;

    private TechnicalFindings() {
    }

    static List<Trigger> of(Rule rule, @Nullable Measurements measured, long durationMs) {
        if (measured == null) {
            return List.of();
        }
        if (rule instanceof LoudnessRule loudness) {
            return loudness(loudness, measured.loudness(), durationMs);
        }
        if (rule instanceof TruePeakRule peak) {
            return truePeak(peak, measured.loudness(), durationMs);
        }
        if (rule instanceof BlackRule black) {
            return intervals(black, measured.black(), black.minSeconds(), "black picture");
        }
        if (rule instanceof FreezeRule freeze) {
            return intervals(freeze, measured.freeze(), freeze.minSeconds(), "frozen picture");
        }
        if (rule instanceof SilenceRule silence) {
            return measured.levels() == null ? List.of()
                    : intervals(silence, measured.levels().silences(silence.threshold(), millis(silence.minSeconds())),
                    silence.minSeconds(), "sound below " + number(silence.threshold()) + " dBFS");
        }
        if (rule instanceof FlashRule flash) {
            return flash(flash, measured.flash());
        }
        throw new IllegalArgumentException(rule.kind() + " is not a technical rule");
    }

    static boolean isTechnical(Rule rule) {
        return rule instanceof LoudnessRule || rule instanceof TruePeakRule || rule instanceof BlackRule
                || rule instanceof FreezeRule || rule instanceof SilenceRule || rule instanceof FlashRule;
    }

    private static List<Trigger> loudness(LoudnessRule rule, @Nullable Loudness loudness, long durationMs) {
        if (loudness == null) {
            return List.of();
        }
        // like dialogue-gated meters, a programme with no speech to gate on is measured as a whole
        boolean speechGated = rule.gate() == LoudnessRule.Gate.SPEECH && loudness.speechGatedMeasured();
        double integrated = speechGated ? loudness.speechGatedIntegrated() : loudness.integrated();
        double off = integrated - rule.target();
        if (Math.abs(off) <= rule.tolerance()) {
            return List.of();
        }
        String how = Double.isInfinite(integrated) ? "silent"
                : number(Math.abs(off)) + " LU too " + (off > 0 ? "loud" : "quiet");
        String what = speechGated ? "speech-gated loudness "
                : rule.gate() == LoudnessRule.Gate.SPEECH ? "integrated loudness (no speech measured to gate on) "
                : "integrated loudness ";
        return List.of(new Trigger(rule.id(), 0, durationMs, rule.severity(),
                what + lufs(integrated) + " LUFS, target " + number(rule.target()) + " ±"
                        + number(rule.tolerance()) + " LU (" + how + ")", SOURCE));
    }

    private static List<Trigger> truePeak(TruePeakRule rule, @Nullable Loudness loudness, long durationMs) {
        if (loudness == null || !(loudness.truePeak() > rule.max())) {
            return List.of();
        }
        return List.of(new Trigger(rule.id(), 0, durationMs, rule.severity(),
                "true peak " + number(loudness.truePeak()) + " dBTP above the maximum " + number(rule.max()) + " dBTP",
                SOURCE));
    }

    private static List<Trigger> intervals(Rule rule, @Nullable List<Interval> intervals, double minSeconds, String what) {
        if (intervals == null) {
            return List.of();
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Interval interval : intervals) {
            if (interval.durationMs() >= millis(minSeconds)) {
                triggers.add(new Trigger(rule.id(), interval.startMs(), interval.endMs(), rule.severity(),
                        what + " for " + number(interval.durationMs() / 1000.0) + " s (at least "
                                + number(minSeconds) + " s flagged)", SOURCE));
            }
        }
        return triggers;
    }

    private static List<Trigger> flash(FlashRule rule, @Nullable FlashReport report) {
        if (report == null || report.verdict() != FlashVerdict.FAIL) {
            return List.of();
        }
        String counts = "up to " + report.maxLuminanceTransitions() + " luminance and " + report.maxRedTransitions()
                + " red transitions in one second";
        return joined(report.failures(), FLASH_GAP_MS).stream()
                .map(failure -> new Trigger(rule.id(), failure.startMs(), failure.endMs(), rule.severity(),
                        "photosensitive flashing fails ITU-R BT.1702 / Ofcom guidance for "
                                + String.format(Locale.ROOT, "%.2f", failure.durationMs() / 1000.0) + " s (" + counts + ")",
                        SOURCE))
                .toList();
    }

    /** Failing frames a moment apart are one flashing sequence to an operator, not dozens of findings. */
    static List<Interval> joined(List<Interval> intervals, long maxGapMs) {
        List<Interval> joined = new ArrayList<>();
        for (Interval interval : intervals) {
            Interval last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && interval.startMs() - last.endMs() <= maxGapMs) {
                joined.set(joined.size() - 1, new Interval(last.startMs(), Math.max(last.endMs(), interval.endMs())));
            } else {
                joined.add(interval);
            }
        }
        return joined;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static String lufs(double value) {
        return Double.isInfinite(value) ? "-inf" : number(value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
