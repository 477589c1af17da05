package org.compliancerunner.speech;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.MediaInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one entry point of the pipeline into speech: picks the engine for a video as configured by
 * {@code compliance.speech.engine} and opens a session on it.
 */
@Component
public class SpeechEngines {

    static final String NOTHING_AVAILABLE = "no captions beside the file or in it, no whisper model"
            + " (compliance.speech.whisper.model), no OpenAI-compatible URL (compliance.speech.openai.base-url)";

    private static final Duration CAPTION_EXTRACTION_TIMEOUT = Duration.ofMinutes(5);

    private final SpeechProperties properties;
    private final CaptionTranscriber captions;
    private final WhisperTranscriber whisper;
    private final @Nullable OpenAiTranscriber openai;

    public SpeechEngines(SpeechProperties properties) {
        this.properties = properties;
        this.captions = new CaptionTranscriber(CAPTION_EXTRACTION_TIMEOUT);
        this.whisper = new WhisperTranscriber(properties.whisper());
        this.openai = properties.openai().configured() ? new OpenAiTranscriber(properties.openai()) : null;
    }

    /**
     * A session for one video. When no source of speech exists, the session's transcript is unavailable and says
     * why; a configured engine that cannot work (bad model, server refusing) is a {@link TranscriptionException}.
     */
    public TranscriptionSession open(Path media, MediaInfo info) throws TranscriptionException {
        if (properties.engine() == SpeechEngine.NONE) {
            return unavailable("speech engine is 'none'");
        }
        Transcriber engine = choose(media, info);
        return engine == null ? unavailable(NOTHING_AVAILABLE) : engine.open(media, info);
    }

    /**
     * A session for one video whose caption track was read already ({@link #captions}): when the captions are the
     * source of speech, they are not read a second time.
     */
    public TranscriptionSession open(Path media, MediaInfo info, CaptionTrack track) throws TranscriptionException {
        if (properties.engine() == SpeechEngine.NONE) {
            return unavailable("speech engine is 'none'");
        }
        Transcriber engine = choose(media, info);
        return engine == null ? unavailable(NOTHING_AVAILABLE)
                : engine == captions ? captions.open(media, track) : engine.open(media, info);
    }

    /** The captions the video carries as written, whatever the engine, for the caption rules; never fails. */
    public CaptionTrack captions(Path media, MediaInfo info) {
        return captions.track(media, info);
    }

    /** The engine for this video, or null when {@code auto} finds none. */
    @Nullable Transcriber choose(Path media, MediaInfo info) throws TranscriptionException {
        return switch (properties.engine()) {
            case CAPTIONS -> captions;
            case WHISPER -> whisper;
            case OPENAI -> {
                if (openai == null) {
                    throw new TranscriptionException("compliance.speech.engine is 'openai' but"
                            + " compliance.speech.openai.base-url is not set");
                }
                yield openai;
            }
            case NONE -> null;
            case AUTO -> captions.hasCaptions(media, info) ? captions
                    : properties.whisper().configured() ? whisper
                    : openai;
        };
    }

    /** One line for reports, e.g. "auto (captions, whisper: off, openai: off)". */
    public String describe() {
        String whisperModel = properties.whisper().configured() ? properties.whisper().model().toString() : "off";
        String openaiUrl = openai == null ? "off" : properties.openai().baseUrl().toString();
        return properties.engine().name().toLowerCase(Locale.ROOT)
                + " (captions, whisper: " + whisperModel + ", openai: " + openaiUrl + ")";
    }

    private static TranscriptionSession unavailable(String why) {
        Transcript transcript = Transcript.unavailable(why);
        return () -> transcript;
    }
}
