package org.compliancerunner.media.flash;

import java.util.List;
import java.util.Map;

import org.compliancerunner.media.Interval;

/**
 * What the photosensitive-flash analysis found in a video.
 *
 * @param verdict                  FAIL when any frame failed, PASS_WITH_WARNING when any frame warned
 * @param frames                   how many frames got each result
 * @param failures                 stretches of failing frames (general or red flashes), for triggers
 * @param maxLuminanceTransitions  most luminance transitions counted in any one second
 * @param maxRedTransitions        most saturated-red transitions counted in any one second
 */
public record FlashReport(FlashVerdict verdict, Map<FrameResult, Integer> frames, List<Interval> failures,
                          int maxLuminanceTransitions, int maxRedTransitions) {

    public FlashReport {
        frames = Map.copyOf(frames);
        failures = List.copyOf(failures);
    }
}
