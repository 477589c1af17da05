package org.compliancerunner.media.voice;

import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.media.Interval;

/**
 * Turns per-window speech probabilities into speech segments the way Silero's {@code get_speech_timestamps} does:
 * hysteresis between the threshold and 0.15 below it, pauses shorter than the minimum silence bridged, bursts shorter
 * than the minimum speech dropped, then padding, with a pause too short for both paddings split between its neighbours.
 */
final class SpeechSegmenter {

    private final VoiceActivityProperties settings;

    SpeechSegmenter(VoiceActivityProperties settings) {
        this.settings = settings;
    }

    /**
     * @param probabilities one per window of {@code windowSamples} samples at 16 kHz
     * @param totalSamples  samples in the whole track, where a segment still open at the end ends
     */
    List<Interval> segments(float[] probabilities, int count, int windowSamples, long totalSamples) {
        double threshold = settings.threshold();
        double negativeThreshold = Math.max(0.01, threshold - 0.15);
        long minSilence = samples(settings.minSilence().toMillis());
        long minSpeech = samples(settings.minSpeech().toMillis());
        List<long[]> speech = new ArrayList<>();
        boolean triggered = false;
        long start = 0;
        long tentativeEnd = 0;
        for (int i = 0; i < count; i++) {
            long at = (long) windowSamples * i;
            float probability = probabilities[i];
            if (probability >= threshold && tentativeEnd != 0) {
                tentativeEnd = 0;
            }
            if (probability >= threshold && !triggered) {
                triggered = true;
                start = at;
                continue;
            }
            if (probability < negativeThreshold && triggered) {
                if (tentativeEnd == 0) {
                    tentativeEnd = at;
                }
                if (at - tentativeEnd < minSilence) {
                    continue;
                }
                if (tentativeEnd - start > minSpeech) {
                    speech.add(new long[] {start, tentativeEnd});
                }
                triggered = false;
                tentativeEnd = 0;
            }
        }
        if (triggered && totalSamples - start > minSpeech) {
            speech.add(new long[] {start, totalSamples});
        }
        return padded(speech, totalSamples);
    }

    private List<Interval> padded(List<long[]> speech, long totalSamples) {
        long pad = samples(settings.padding().toMillis());
        for (int i = 0; i < speech.size(); i++) {
            long[] segment = speech.get(i);
            if (i == 0) {
                segment[0] = Math.max(0, segment[0] - pad);
            }
            if (i + 1 < speech.size()) {
                long[] next = speech.get(i + 1);
                long gap = next[0] - segment[1];
                if (gap < 2 * pad) {
                    segment[1] += gap / 2;
                    next[0] = Math.max(0, next[0] - gap / 2);
                } else {
                    segment[1] = Math.min(totalSamples, segment[1] + pad);
                    next[0] = Math.max(0, next[0] - pad);
                }
            } else {
                segment[1] = Math.min(totalSamples, segment[1] + pad);
            }
        }
        return speech.stream().map(segment -> new Interval(millis(segment[0]), millis(segment[1]))).toList();
    }

    private static long samples(long millis) {
        return millis * VoiceActivityModel.SAMPLE_RATE / 1000;
    }

    private static long millis(long samples) {
        return samples * 1000 / VoiceActivityModel.SAMPLE_RATE;
    }
}
