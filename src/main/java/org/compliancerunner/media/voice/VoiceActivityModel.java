package org.compliancerunner.media.voice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.compliancerunner.media.NativeLoading;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Silero VAD v6 on ONNX Runtime, loaded once per process on first use (commands that decode nothing never pay for
 * it) and shared by every decode: a session runs concurrently, and each video keeps its own recurrent state. A model
 * that cannot be loaded leaves the speech map "not measured" with the reason; everything else is still checked.
 */
@Component
public class VoiceActivityModel implements DisposableBean {

    static final int SAMPLE_RATE = 16_000;
    private static final String BUNDLED = "/models/silero_vad_v6.onnx";
    private static final Logger log = LoggerFactory.getLogger(VoiceActivityModel.class);

    private final VoiceActivityProperties settings;
    private volatile @Nullable Loaded loaded;

    public VoiceActivityModel(VoiceActivityProperties settings) {
        this.settings = settings;
    }

    /** What loading the model gave: a session, or why there is none. */
    private record Loaded(@Nullable OrtSession session, @Nullable String unavailable) {
    }

    /**
     * Starts loading ONNX Runtime's native library on a thread of its own, before any settings are known, so that a
     * command about to decode has it while its Spring context starts; the model itself still loads on first use.
     */
    public static void loadRuntimeInBackground() {
        NativeLoading.start("load-onnxruntime", OrtEnvironment::getEnvironment);
    }

    /**
     * Starts loading the model on a thread of its own, so it loads while FFmpeg opens the file; {@link #detector()}
     * then waits for it. Does nothing once it is loaded.
     */
    public void preload() {
        if (loaded == null && settings.enabled()) {
            NativeLoading.start("load-voice-activity-model", this::load);
        }
    }

    /** A detector for one video's speech audio, or empty with {@link #unavailable()} saying why. */
    public Optional<VoiceActivityDetector> detector() {
        Loaded model = load();
        return model.session() == null ? Optional.empty()
                : Optional.of(new VoiceActivityDetector(OrtEnvironment.getEnvironment(), model.session(), settings));
    }

    /** Why there is no speech map; null when there is one. */
    public @Nullable String unavailable() {
        return load().unavailable();
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = open();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded open() {
        if (!settings.enabled()) {
            return new Loaded(null, "speech map switched off (compliance.speech.activity.enabled=false)");
        }
        String source = settings.model() == null ? "the bundled Silero VAD model" : settings.model().toString();
        try {
            byte[] model = bytes();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // partitions decode side by side: one core per detector beats several fighting over both
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession session = OrtEnvironment.getEnvironment().createSession(model, options);
            if (!session.getInputNames().containsAll(VoiceActivityDetector.INPUTS)) {
                session.close();
                return unavailable(source, "it is not a Silero VAD v5/v6 model (inputs " + session.getInputNames() + ")");
            }
            return new Loaded(session, null);
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            // a runtime that failed to load earlier (on the head-start thread) says so only in the cause
            Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
            return unavailable(source, root == e ? e.getMessage() : e.getMessage() + ": " + root.getMessage());
        }
    }

    private Loaded unavailable(String source, @Nullable String why) {
        String reason = "speech map not measured: cannot load " + source + " (" + why + ")";
        log.warn("{}; set compliance.speech.activity.model to a Silero VAD v6 ONNX file", reason);
        return new Loaded(null, reason);
    }

    private byte[] bytes() throws IOException {
        if (settings.model() != null) {
            return Files.readAllBytes(settings.model());
        }
        try (InputStream in = VoiceActivityModel.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException(BUNDLED + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    /** Waits for a load in progress, closes its session, and leaves no later use loading another. */
    @Override
    public synchronized void destroy() throws OrtException {
        Loaded current = loaded;
        loaded = new Loaded(null, "speech map not measured: the application is shutting down");
        if (current != null && current.session() != null) {
            current.session().close();
        }
    }
}
