package org.compliancerunner.media.loudness;

import java.util.List;

/**
 * Loudness of a sound track per ITU-R BS.1770-4 / EBU R128. Loudness values are LUFS, the range LU, the true peak
 * dBTP; a level below measurement (silence) is {@link Double#NEGATIVE_INFINITY}.
 *
 * @param integrated   gated programme loudness (absolute gate −70 LUFS, relative gate −10 LU)
 * @param range        loudness range per EBU Tech 3342
 * @param truePeak     highest inter-sample peak over all channels (≥ 4× oversampling)
 * @param momentaryMax highest momentary (400 ms) loudness
 * @param shortTermMax highest short-term (3 s) loudness
 * @param timeline     short-term loudness once per second, for plotting
 */
public record Loudness(double integrated, double range, double truePeak, double momentaryMax, double shortTermMax,
                       List<Double> timeline) {

    public Loudness {
        timeline = List.copyOf(timeline);
    }
}
