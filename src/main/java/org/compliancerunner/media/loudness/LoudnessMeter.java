package org.compliancerunner.media.loudness;

import java.util.ArrayList;
import java.util.List;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.ChannelRole;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaListener;
import org.jspecify.annotations.Nullable;

/**
 * Measures a sound track per ITU-R BS.1770-4 / EBU R128 (Tech 3341, 3342) in the one decode pass: integrated
 * loudness, loudness range, true peak, momentary and short-term maxima and a once-per-second short-term timeline.
 * One meter per video; {@link #result()} once {@link #onEnd} was called.
 *
 * <p>K-weighted energy is summed per 10 ms tick; the 400 ms momentary and 3 s short-term windows are sums of ticks.
 * Gating blocks and short-term values for the range are taken every 100 ms as the standards ask, while the maxima
 * are followed every tick, so a 400 ms burst off the 100 ms grid still reads its true level (Tech 3341 case 13).
 */
public final class LoudnessMeter implements MediaListener {

    private static final int TICKS_PER_SECOND = 100;
    private static final int TICKS_PER_HOP = 10;
    private static final int MOMENTARY_TICKS = 40;
    private static final int SHORT_TERM_TICKS = 300;
    private static final double SURROUND_WEIGHT = 1.41;

    private int sampleRate;
    private int channels;
    // null until the first audio says the format
    private double @Nullable [] weights;
    private @Nullable KWeighting kWeighting;
    private @Nullable TruePeakMeter truePeak;

    // Ring of the last SHORT_TERM_TICKS ticks: weighted energy sum and frame count of each.
    private final double[] tickEnergy = new double[SHORT_TERM_TICKS];
    private final int[] tickFrames = new int[SHORT_TERM_TICKS];
    private long ticks;
    private long framesSeen;
    private long tickEnd;
    private double openTickEnergy;

    private final GatedLoudness gated = new GatedLoudness();
    private final LoudnessRange range = new LoudnessRange();
    private double momentaryMax = Double.NEGATIVE_INFINITY;
    private double shortTermMax = Double.NEGATIVE_INFINITY;
    private final List<Double> timeline = new ArrayList<>();
    private @Nullable Loudness result;

    @Override
    public boolean wantsAudio() {
        return true;
    }

    @Override
    public void onAudio(AudioFormat format, float[] samples, int frames) {
        if (kWeighting == null) {
            start(format);
        }
        truePeak.accept(samples, channels, frames);
        int from = 0;
        while (from < frames) {
            int to = (int) Math.min(frames, from + (tickEnd - framesSeen));
            double energy = 0;
            for (int channel = 0; channel < channels; channel++) {
                if (weights[channel] != 0) {
                    energy += weights[channel] * kWeighting.squaredSum(samples, channels, channel, from, to);
                }
            }
            openTickEnergy += energy;
            framesSeen += to - from;
            from = to;
            if (framesSeen == tickEnd) {
                closeTick();
            }
        }
    }

    private void start(AudioFormat format) {
        sampleRate = format.sampleRate();
        channels = format.channels();
        weights = new double[channels];
        for (int channel = 0; channel < channels; channel++) {
            weights[channel] = weight(format.roles().get(channel));
        }
        kWeighting = new KWeighting(sampleRate, channels);
        truePeak = new TruePeakMeter(sampleRate, channels);
        tickEnd = tickBoundary(1);
    }

    /** BS.1770-4 channel weights: surround +1.5 dB, LFE not counted. */
    private static double weight(ChannelRole role) {
        return switch (role) {
            case FRONT, OTHER -> 1.0;
            case SURROUND -> SURROUND_WEIGHT;
            case LFE -> 0.0;
        };
    }

    /** First frame after tick {@code tick - 1}; exact for rates that are not multiples of 100 Hz too. */
    private long tickBoundary(long tick) {
        return tick * sampleRate / TICKS_PER_SECOND;
    }

    private void closeTick() {
        int slot = (int) (ticks % SHORT_TERM_TICKS);
        tickEnergy[slot] = openTickEnergy;
        tickFrames[slot] = (int) (tickEnd - tickBoundary(ticks));
        ticks++;
        openTickEnergy = 0;
        tickEnd = tickBoundary(ticks + 1);
        boolean hop = ticks % TICKS_PER_HOP == 0;
        if (ticks >= MOMENTARY_TICKS) {
            double momentary = meanEnergy(MOMENTARY_TICKS);
            momentaryMax = Math.max(momentaryMax, LoudnessScale.lufs(momentary));
            if (hop) {
                gated.addBlock(momentary);
            }
        }
        if (ticks >= SHORT_TERM_TICKS) {
            double shortTerm = meanEnergy(SHORT_TERM_TICKS);
            shortTermMax = Math.max(shortTermMax, LoudnessScale.lufs(shortTerm));
            if (hop) {
                range.addShortTerm(shortTerm);
            }
        }
        if (ticks % TICKS_PER_SECOND == 0) {
            // The first two seconds plot the window so far rather than pretending the time before 0 was silent.
            timeline.add(LoudnessScale.lufs(meanEnergy((int) Math.min(ticks, SHORT_TERM_TICKS))));
        }
    }

    /** Mean-square weighted energy of the last {@code count} ticks. */
    private double meanEnergy(int count) {
        int end = (int) (ticks % SHORT_TERM_TICKS);
        int start = end - count;
        double energy = 0;
        long frames = 0;
        // The ring wraps at most once: its tail first, then its head.
        for (int slot = start < 0 ? start + SHORT_TERM_TICKS : SHORT_TERM_TICKS; slot < SHORT_TERM_TICKS; slot++) {
            energy += tickEnergy[slot];
            frames += tickFrames[slot];
        }
        for (int slot = Math.max(start, 0); slot < end; slot++) {
            energy += tickEnergy[slot];
            frames += tickFrames[slot];
        }
        return energy / frames;
    }

    @Override
    public void onEnd(long decodedMs) {
        double peak = truePeak == null ? Double.NEGATIVE_INFINITY : truePeak.dbtp();
        result = new Loudness(gated.integrated(), range.range(), peak, momentaryMax, shortTermMax, timeline);
    }

    /**
     * Integrated loudness of the gating blocks whose centre lies in one of {@code segments}, gated like the
     * programme's: the open stand-in for dialogue-gated loudness, {@link Double#NaN} when no block is in them.
     */
    public double integratedOver(List<Interval> segments) {
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        // block k spans [100k, 100k + 400) ms; segments are in time order, so one cursor walks them
        boolean[] inside = new boolean[gated.blocks()];
        boolean any = false;
        int segment = 0;
        for (int block = 0; block < inside.length; block++) {
            long centreMs = block * 100L + 200;
            while (segment < segments.size() && segments.get(segment).endMs() <= centreMs) {
                segment++;
            }
            inside[block] = segment < segments.size() && segments.get(segment).startMs() <= centreMs;
            any |= inside[block];
        }
        return any ? gated.integrated(block -> inside[block]) : Double.NaN;
    }

    /**
     * The measurement of the whole sound track; a file without sound reads as silence.
     *
     * @throws IllegalStateException before {@link #onEnd} was called
     */
    public Loudness result() {
        if (result == null) {
            throw new IllegalStateException("the loudness meter has not seen the end of the file yet");
        }
        return result;
    }
}
