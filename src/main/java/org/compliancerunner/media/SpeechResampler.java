package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;

/**
 * Turns decoded audio into the 16 kHz mono float stream speech recognisers expect, with FFmpeg's resampler,
 * and hands it on in fixed-size blocks from one reused buffer, so memory does not grow with the file.
 */
final class SpeechResampler implements AutoCloseable {

    static final int SAMPLE_RATE = 16_000;
    static final int BLOCK = 4096;

    private static final String TO_SPEECH = "aresample=" + SAMPLE_RATE + ",aformat=sample_fmts=flt:channel_layouts=mono";

    /** Receives one block; the array is reused after the call returns. */
    interface Sink {
        void accept(float[] samples, int length);
    }

    private final FFmpegFrameFilter filter;
    private final int sampleRate;
    private final int channels;
    private final Sink sink;
    private FloatBuffer input = direct(0);
    private final float[] block = new float[BLOCK];
    private int filled;

    /** @param sampleRate and channels of the interleaved float frames that will be pushed */
    SpeechResampler(int sampleRate, int channels, Sink sink) throws FrameFilter.Exception {
        this.sink = sink;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.filter = new FFmpegFrameFilter(TO_SPEECH, channels);
        filter.setSampleFormat(AV_SAMPLE_FMT_FLT);
        filter.setSampleRate(sampleRate);
        try {
            filter.start();
        } catch (FrameFilter.Exception | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Takes {@code frames} interleaved samples; {@code samples} may be reused once this returns. */
    void push(float[] samples, int frames) throws FrameFilter.Exception {
        int values = frames * channels;
        if (input.capacity() < values) {
            input = direct(values);
        }
        input.clear();
        input.put(samples, 0, values).flip();
        filter.pushSamples(0, channels, sampleRate, AV_SAMPLE_FMT_FLT, input);
        drain();
    }

    /** Flushes what the resampler still holds and hands on the last, partial block. */
    void finish() throws FrameFilter.Exception {
        filter.push(null);
        drain();
        if (filled > 0) {
            sink.accept(block, filled);
            filled = 0;
        }
    }

    private void drain() throws FrameFilter.Exception {
        Frame out;
        while ((out = filter.pullSamples()) != null) {
            FloatBuffer samples = ((FloatBuffer) out.samples[0]).duplicate();
            while (samples.hasRemaining()) {
                int n = Math.min(samples.remaining(), BLOCK - filled);
                samples.get(block, filled, n);
                clamp(filled, n);
                filled += n;
                if (filled == BLOCK) {
                    sink.accept(block, filled);
                    filled = 0;
                }
            }
        }
    }

    // Resampling can overshoot full scale slightly; listeners are promised [-1, 1].
    private void clamp(int from, int length) {
        float[] block = this.block;
        for (int i = from; i < from + length; i++) {
            float sample = block[i];
            block[i] = sample > 1f ? 1f : sample < -1f ? -1f : sample; // Math.min and max are calls in C1 code
        }
    }

    // FFmpeg reads native memory: a direct buffer is handed over as it is, where an array would be copied again
    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        try {
            filter.close();
        } catch (FrameFilter.Exception ignored) {
            // Freeing the filter graph of a finished pass: nothing an operator could act on.
        }
    }
}
