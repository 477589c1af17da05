package org.compliancerunner.media.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
    /** The recurrent state: 2 × 1 × 128 values. */
    private static final int STATE = 2 * 128;

    private final OrtSession session;
    private final SpeechSegmenter segmenter;
    private final FloatBuffer input;
    private final FloatBuffer probability;
    private final OnnxTensor inputTensor;
    private final OnnxTensor probabilityTensor;
    private final OnnxTensor rateTensor;
    // the recurrent state goes back and forth between two tensors: each run reads one and writes the other
    private final OnnxTensor[] stateTensors = new OnnxTensor[2];
    private final List<Map<String, OnnxTensor>> inputs = new ArrayList<>(2);
    private final List<Map<String, OnnxTensor>> outputs = new ArrayList<>(2);
    private int current;
    private final float[] window = new float[CONTEXT + WINDOW];
    private int filled;
    private float[] probabilities = new float[1024];
    private int windows;
    private long samples;
    private @Nullable String failure;

    VoiceActivityDetector(OrtEnvironment environment, OrtSession session, VoiceActivityProperties settings) {
        this.session = session;
        this.segmenter = new SpeechSegmenter(settings);
        this.input = direct(CONTEXT + WINDOW);
        this.probability = direct(1);
        try {
            this.inputTensor = OnnxTensor.createTensor(environment, input, new long[] {1, CONTEXT + WINDOW});
            this.probabilityTensor = OnnxTensor.createTensor(environment, probability, new long[] {1, 1});
            this.rateTensor = OnnxTensor.createTensor(environment, (long) VoiceActivityModel.SAMPLE_RATE);
            for (int i = 0; i < 2; i++) {
                stateTensors[i] = OnnxTensor.createTensor(environment, direct(STATE), new long[] {2, 1, 128});
            }
            // the outputs are written straight into these tensors: no result objects or copies per window
            Iterator<String> names = session.getOutputNames().iterator();
            String probabilityName = names.next();
            String stateName = names.next();
            for (int i = 0; i < 2; i++) {
                inputs.add(Map.of("input", inputTensor, "state", stateTensors[i], "sr", rateTensor));
                outputs.add(Map.of(probabilityName, probabilityTensor, stateName, stateTensors[1 - i]));
            }
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
        try (OrtSession.Result ignored = session.run(inputs.get(current), outputs.get(current))) {
            current = 1 - current; // the state just written is the next run's input
            if (windows == probabilities.length) {
                probabilities = Arrays.copyOf(probabilities, windows * 2);
            }
            probabilities[windows++] = probability.get(0);
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
        probabilityTensor.close();
        stateTensors[0].close();
        stateTensors[1].close();
        rateTensor.close();
    }
}
