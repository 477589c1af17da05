package org.compliancerunner.media.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaListener;
import org.jspecify.annotations.Nullable;

/**
 * Listens to one video's 16 kHz mono speech audio in the decode pass and rates each 32 ms window with Silero VAD:
 * the window plus the 64 samples before it (the model's context), and the recurrent state carried from window to
 * window. Keeps one probability per window (about 450 KB for ten hours) and makes the segments at the end.
 */
public final class VoiceActivityDetector implements MediaListener, AutoCloseable {

    static final Set<String> INPUTS = Set.of("input", "state", "sr");
    static final int WINDOW = 512;
    private static final int CONTEXT = 64;

    private final OrtSession session;
    private final SpeechSegmenter segmenter;
    private final FloatBuffer input;
    private final FloatBuffer state;
    private final OnnxTensor inputTensor;
    private final OnnxTensor stateTensor;
    private final OnnxTensor rateTensor;
    private final float[] window = new float[CONTEXT + WINDOW];
    private final float[] nextState = new float[2 * 128];
    private int filled;
    private float[] probabilities = new float[1024];
    private int windows;
    private long samples;
    private @Nullable String failure;

    VoiceActivityDetector(OrtEnvironment environment, OrtSession session, VoiceActivityProperties settings) {
        this.session = session;
        this.segmenter = new SpeechSegmenter(settings);
        this.input = direct(CONTEXT + WINDOW);
        this.state = direct(nextState.length);
        try {
            this.inputTensor = OnnxTensor.createTensor(environment, input, new long[] {1, CONTEXT + WINDOW});
            this.stateTensor = OnnxTensor.createTensor(environment, state, new long[] {2, 1, 128});
            this.rateTensor = OnnxTensor.createTensor(environment, (long) VoiceActivityModel.SAMPLE_RATE);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot prepare the voice-activity detector: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean wantsSpeechAudio() {
        return true;
    }

    @Override
    public void onSpeechAudio(float[] audio, int length) {
        samples += length;
        int at = 0;
        while (at < length && failure == null) {
            int take = Math.min(WINDOW - filled, length - at);
            System.arraycopy(audio, at, window, CONTEXT + filled, take);
            filled += take;
            at += take;
            if (filled == WINDOW) {
                rate();
            }
        }
    }

    @Override
    public void onEnd(long decodedMs) {
        if (filled > 0 && failure == null) {
            Arrays.fill(window, CONTEXT + filled, CONTEXT + WINDOW, 0f); // the last window is padded with silence
            rate();
        }
    }

    /** Where people speak; null when the detector failed (see {@link #failure()}). */
    public @Nullable List<Interval> segments() {
        return failure != null ? null : segmenter.segments(probabilities, windows, WINDOW, samples);
    }

    /** Why there are no segments; null when there are. */
    public @Nullable String failure() {
        return failure;
    }

    private void rate() {
        input.clear();
        input.put(window);
        try (OrtSession.Result result = session.run(Map.of("input", inputTensor, "state", stateTensor, "sr", rateTensor))) {
            float probability = ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
            ((OnnxTensor) result.get(1)).getFloatBuffer().get(nextState);
            state.clear();
            state.put(nextState);
            if (windows == probabilities.length) {
                probabilities = Arrays.copyOf(probabilities, windows * 2);
            }
            probabilities[windows++] = probability;
        } catch (OrtException | RuntimeException e) {
            failure = "speech map not measured: the voice-activity detector failed (" + e.getMessage() + ")";
        }
        System.arraycopy(window, WINDOW, window, 0, CONTEXT); // the last 64 samples are the next window's context
        filled = 0;
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void close() {
        inputTensor.close();
        stateTensor.close();
        rateTensor.close();
    }
}
