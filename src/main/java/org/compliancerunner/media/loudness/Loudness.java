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
 * @param speechGatedIntegrated integrated loudness of the blocks inside the speech map only, an open approximation
 *                     of the proprietary dialogue gating some delivery specs ask for; {@link Double#NaN} when no
 *                     speech map was measured or it holds no speech
 */
public record Loudness(double integrated, double range, double truePeak, double momentaryMax, double shortTermMax,
                       List<Double> timeline, double speechGatedIntegrated) {

    public Loudness {
        timeline = List.copyOf(timeline);
    }

    /** A measurement without a speech-gated value. */
    public Loudness(double integrated, double range, double truePeak, double momentaryMax, double shortTermMax,
                    List<Double> timeline) {
        this(integrated, range, truePeak, momentaryMax, shortTermMax, timeline, Double.NaN);
    }

    /** The same measurement with the loudness gated to speech. */
    public Loudness withSpeechGated(double speechGated) {
        return new Loudness(integrated, range, truePeak, momentaryMax, shortTermMax, timeline, speechGated);
    }

    public boolean speechGatedMeasured() {
        return !Double.isNaN(speechGatedIntegrated);
    }
}
