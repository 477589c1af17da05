package org.compliancerunner.media.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import org.compliancerunner.media.loudness.GroundTruth.Expectation;
import org.compliancerunner.media.loudness.GroundTruth.Quantity;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    @Test
    void readsEveryQuantityOfAnEbuCaseAndIgnoresWhatFfmpegMeasured() {
        GroundTruth truth = GroundTruth.parse("Tech 3341 case 1: stereo 1 kHz sine at -23 dBFS, 20 s: "
                + "M, S and I = -23.0 +/-0.1 LUFS || ffmpeg 5.1 ebur128 measured: I=-23.0 LUFS, LRA=0.0 LU, "
                + "true-peak=-22.9 dBTP, max M=-23.0 LUFS, max S=-23.0 LUFS || duration 20.000 s");

        assertThat(truth.authoritative()).isTrue();
        assertThat(truth.expectations()).containsExactlyInAnyOrder(
                new Expectation(Quantity.M, -23.0, 0.1, 0.1),
                new Expectation(Quantity.S, -23.0, 0.1, 0.1),
                new Expectation(Quantity.I, -23.0, 0.1, 0.1));
    }

    @Test
    void readsIntegratedAndRangeOfProgrammeMaterialAndTruePeakWithItsAsymmetricTolerance() {
        assertThat(GroundTruth.parse("Tech 3341 case 7 I = -23.0 +/-0.1 LUFS; Tech 3342 case 5 LRA = 5 +/-1 LU")
                .expectations()).containsExactlyInAnyOrder(
                new Expectation(Quantity.I, -23.0, 0.1, 0.1), new Expectation(Quantity.LRA, 5, 1, 1));
        Expectation peak = GroundTruth.parse("case 19: max true peak = +3.0 dBTP, tolerance +0.2/-0.4 dB")
                .expectations().get(0);
        assertThat(peak.accepts(3.19)).isTrue();
        assertThat(peak.accepts(2.61)).isTrue();
        assertThat(peak.accepts(3.21)).isFalse();
        assertThat(peak.accepts(2.59)).isFalse();
    }

    @Test
    void fallsBackToFfmpegsReadingWhenNoAuthoritativeValueIsStated() {
        GroundTruth truth = GroundTruth.parse("real music (piano); no authoritative value upstream || ffmpeg 5.1 "
                + "ebur128 measured: I=-31.1 LUFS, LRA=2.6 LU, true-peak=-19.8 dBTP, max M=-27.9 LUFS, "
                + "max S=-29.9 LUFS || duration 10.000 s");

        assertThat(truth.authoritative()).isFalse();
        assertThat(truth.expectations()).extracting(Expectation::quantity)
                .containsExactly(Quantity.I, Quantity.LRA, Quantity.TP, Quantity.M, Quantity.S);
        assertThat(truth.expectations().get(0).value()).isEqualTo(-31.1);
    }
}
