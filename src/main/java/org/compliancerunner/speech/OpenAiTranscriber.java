package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.compliancerunner.media.MediaInfo;
import org.jspecify.annotations.Nullable;

/**
 * Speech recognition by any OpenAI-compatible server (faster-whisper-server, whisper.cpp server, LocalAI, OpenAI):
 * the speech audio is spooled to a temporary WAV file during the decode pass and uploaded once at the end.
 */
public final class OpenAiTranscriber implements Transcriber {

    private final OpenAiTranscriptionClient client;

    public OpenAiTranscriber(SpeechProperties.OpenAi settings) {
        this(settings, Duration.ofSeconds(1));
    }

    OpenAiTranscriber(SpeechProperties.OpenAi settings, Duration firstBackoff) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("compliance.speech.openai.base-url is not set");
        }
        this.client = new OpenAiTranscriptionClient(settings, firstBackoff);
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public TranscriptionSession open(Path media, MediaInfo info) throws TranscriptionException {
        return new Session(media);
    }

    private final class Session extends SpooledSpeechSession {

        Session(Path media) throws TranscriptionException {
            super(media);
        }

        @Override
        protected Transcript recognise(PcmWavFile wav, @Nullable SpeechGate gate) throws IOException, TranscriptionException {
            wav.complete();
            if (gate != null) {
                gate.silenceOutside(wav.path(), wav.samples());
            }
            return new Transcript(OpenAiTranscriptionClient.SOURCE, client.transcribe(wav.path(), wav.durationMs()),
                    "transcribed by " + client.endpoint());
        }
    }
}
