package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.compliancerunner.media.MediaInfo;

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
        try {
            return new Session(media, new PcmWavFile(Files.createTempFile("compliance-speech-", ".wav")));
        } catch (IOException e) {
            throw new TranscriptionException("Cannot create a temporary audio file for " + media + ": " + e, e);
        }
    }

    private final class Session extends SpeechAudioSession {

        private final Path media;
        private final PcmWavFile wav;
        private SpeechGate gate;

        Session(Path media, PcmWavFile wav) {
            this.media = media;
            this.wav = wav;
        }

        @Override
        protected void accept(float[] samples, int length) throws TranscriptionException {
            try {
                wav.write(samples, length);
            } catch (IOException e) {
                throw spoolFailure(e);
            }
        }

        @Override
        public void gate(SpeechGate gate) {
            this.gate = gate;
        }

        @Override
        protected Transcript complete() throws TranscriptionException {
            try {
                wav.complete();
                if (gate != null) {
                    gate.silenceOutside(wav.path(), wav.samples());
                }
            } catch (IOException e) {
                throw spoolFailure(e);
            }
            Transcript transcript = new Transcript(OpenAiTranscriptionClient.SOURCE,
                    client.transcribe(wav.path(), wav.durationMs()), "transcribed by " + client.endpoint());
            return gate == null ? transcript : gate.apply(transcript);
        }

        private TranscriptionException spoolFailure(IOException e) {
            return new TranscriptionException("Cannot write the temporary audio of " + media + " to " + wav.path()
                    + " (disk full?): " + e, e);
        }

        @Override
        public void close() {
            try {
                wav.close();
            } catch (IOException e) {
                // Nothing to act on: only a temporary file may be left behind.
            }
        }
    }
}
