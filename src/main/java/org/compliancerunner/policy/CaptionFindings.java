package org.compliancerunner.policy;

import java.util.List;

import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.technical.Measurements;
import org.jspecify.annotations.Nullable;

/**
 * Judges the caption rule kinds on the caption track kept with a video's measurements. Captions that were never
 * read (a video checked before captions were kept) give no finding: nothing may be claimed about them.
 */
final class CaptionFindings {

    private CaptionFindings() {
    }

    static boolean isCaption(Rule rule) {
        return rule instanceof CaptionQualityRule || rule instanceof UncaptionedSpeechRule
                || rule instanceof CaptionsRequiredRule || rule instanceof CaptionSyncRule;
    }

    static List<Trigger> of(Rule rule, @Nullable Measurements measured, long durationMs) {
        if (measured == null) {
            return List.of();
        }
        CaptionTrack track = measured.captions();
        if (rule instanceof CaptionQualityRule quality) {
            return CaptionQuality.of(quality, track, durationMs);
        }
        if (rule instanceof UncaptionedSpeechRule uncaptioned) {
            return CaptionCoverage.uncaptioned(uncaptioned, track, measured.speech());
        }
        if (rule instanceof CaptionsRequiredRule required) {
            return CaptionCoverage.required(required, measured, durationMs);
        }
        if (rule instanceof CaptionSyncRule sync) {
            return CaptionCoverage.sync(sync, track, measured.speech());
        }
        throw new IllegalArgumentException(rule.kind() + " is not a caption rule");
    }
}
