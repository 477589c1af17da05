package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import org.compliancerunner.media.MediaInfo;
import org.jspecify.annotations.Nullable;

/**
 * Local speech recognition with whisper.cpp through whisper-jni. The native library and the model are loaded once
 * per process on first use and shared; each session gets its own whisper state, because a context's default state
 * must not be used by two threads at once.
 */
public final class WhisperTranscriber implements Transcriber {

    static final String PROPERTY = "compliance.speech.whisper.model";
    static final String SOURCE = "whisper";

    private static final Object LOCK = new Object();
    private static @Nullable WhisperJNI jni;
    private static final Map<Path, WhisperContext> MODELS = new HashMap<>();

    private final SpeechProperties.Whisper settings;

    public WhisperTranscriber(SpeechProperties.Whisper settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "whisper";
    }

    @Override
    public TranscriptionSession open(Path media, MediaInfo info) throws TranscriptionException {
        WhisperContext model = model();
        WhisperState state = jni.initState(model);
        if (state == null) {
            throw new TranscriptionException("whisper could not allocate its working state for " + media
                    + "; the machine may be out of memory");
        }
        try {
            return new WhisperSession(media, model, state);
        } catch (TranscriptionException e) {
            state.close();
            throw e;
        }
    }

    /** The configured model, checked and loaded on first use. */
    WhisperContext model() throws TranscriptionException {
        Path path = settings.model();
        if (path == null) {
            throw new TranscriptionException("No whisper model is configured: set " + PROPERTY
                    + " (COMPLIANCE_SPEECH_WHISPER_MODEL) to a ggml model file; scripts/fetch-model downloads one");
        }
        Path absolute = path.toAbsolutePath().normalize();
        synchronized (LOCK) {
            WhisperContext loaded = MODELS.get(absolute);
            if (loaded != null) {
                return loaded;
            }
            if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
                throw unusable(absolute, "the file does not exist or cannot be read");
            }
            try {
                GgmlModelFile.verify(absolute);
            } catch (TranscriptionException e) {
                throw unusable(absolute, e.getMessage());
            }
            WhisperJNI whisper = nativeLibrary();
            WhisperContext context;
            try {
                context = whisper.initNoState(absolute);
            } catch (IOException | RuntimeException e) {
                throw unusable(absolute, "whisper.cpp cannot load it: " + e.getMessage());
            }
            if (context == null) {
                throw unusable(absolute, "whisper.cpp cannot load it (see its log above)");
            }
            MODELS.put(absolute, context);
            return context;
        }
    }

    private static WhisperJNI nativeLibrary() throws TranscriptionException {
        if (jni == null) {
            try {
                WhisperJNI.loadLibrary();
                jni = new WhisperJNI();
            } catch (IOException | RuntimeException | LinkageError e) {
                throw new TranscriptionException("The whisper-jni native library cannot load on this machine ("
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e
                        + ". Use compliance.speech.engine=openai or captions instead", e);
            }
        }
        return jni;
    }

    private static TranscriptionException unusable(Path model, String why) {
        return new TranscriptionException("The whisper model " + model + " set in " + PROPERTY + " is unusable: "
                + why + ". Run scripts/fetch-model to download one and point " + PROPERTY + " at it");
    }

    /** Recognises the speech windows of the spooled track (see {@link SpeechReplay}). */
    private final class WhisperSession extends SpooledSpeechSession {

        /** whisper.cpp refuses input shorter than this, so a short tail is padded with silence. */
        private static final int MIN_SAMPLES = AudioWindows.SAMPLE_RATE;

        private final WhisperContext model;
        private final WhisperState state;
        private final WhisperFullParams params;
        private final List<TranscriptSegment> segments = new ArrayList<>();

        WhisperSession(Path media, WhisperContext model, WhisperState state) throws TranscriptionException {
            super(media);
            this.model = model;
            this.state = state;
            this.params = params(model);
        }

        @Override
        protected Transcript recognise(PcmWavFile wav, @Nullable SpeechGate gate) throws IOException, TranscriptionException {
            SpeechReplay replay = new SpeechReplay(settings.windowSeconds(), gate);
            replay.play(wav, this::transcribe);
            String note = "whisper model " + settings.model().getFileName()
                    + (replay.windowsSkipped() == 0 ? "" : "; " + replay.windowsSkipped() + " window(s) without speech not sent");
            // whisper-jni does not report the language a multilingual model detected: its lines are detected by text
            return new Transcript(SOURCE, List.copyOf(segments), note, "auto".equals(params.language) ? null : params.language);
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                state.close();
            }
        }

        private void transcribe(float[] samples, int length, long startMs) throws TranscriptionException {
            // a window is the safe point: a stopped or timed-out inspection ends here, not after the whole file
            if (Thread.currentThread().isInterrupted()) {
                throw new TranscriptionException("transcription of " + media + " was interrupted at " + startMs / 1000 + " s");
            }
            float[] input = samples;
            if (length < MIN_SAMPLES) {
                input = new float[MIN_SAMPLES];
                System.arraycopy(samples, 0, input, 0, length);
            }
            int result = jni.fullWithState(model, state, params, input, Math.max(length, MIN_SAMPLES));
            if (result != 0) {
                throw new TranscriptionException("whisper failed (code " + result + ") on " + media + " at "
                        + startMs / 1000 + " s");
            }
            int count = jni.fullNSegmentsFromState(state);
            for (int i = 0; i < count; i++) {
                String text = jni.fullGetSegmentTextFromState(state, i).strip();
                if (!text.isEmpty()) {
                    // whisper timestamps are in centiseconds from the start of the window.
                    segments.add(new TranscriptSegment(startMs + jni.fullGetSegmentTimestamp0FromState(state, i) * 10,
                            startMs + jni.fullGetSegmentTimestamp1FromState(state, i) * 10, text, SOURCE));
                }
            }
        }

        private WhisperFullParams params(WhisperContext model) {
            WhisperFullParams full = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            full.nThreads = settings.threads() > 0 ? settings.threads()
                    : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            full.language = jni.isMultilingual(model) ? "auto" : "en";
            full.printProgress = false;
            full.printRealtime = false;
            full.printTimestamps = false;
            return full;
        }
    }
}
