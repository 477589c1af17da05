package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A speech recogniser's session: the 16 kHz track is spooled to a temporary WAV file while the video is decoded and
 * recognised once the speech map is known, so the recogniser hears only where people speak and its text outside
 * speech is dropped.
 */
abstract class SpooledSpeechSession extends SpeechAudioSession {

    protected final Path media;
    private final PcmWavFile wav;
    private @Nullable SpeechGate gate;

    SpooledSpeechSession(Path media) throws TranscriptionException {
        this.media = media;
        try {
            this.wav = new PcmWavFile(Files.createTempFile("compliance-speech-", ".wav"));
        } catch (IOException e) {
            throw new TranscriptionException("Cannot create a temporary audio file for " + media + ": " + e, e);
        }
    }

    /** Recognises the completed spool; {@code gate} is null when no speech map was measured. */
    protected abstract Transcript recognise(PcmWavFile wav, @Nullable SpeechGate gate) throws IOException, TranscriptionException;

    @Override
    protected final void accept(float[] samples, int length) throws TranscriptionException {
        try {
            wav.write(samples, length);
        } catch (IOException e) {
            throw spoolFailure(e);
        }
    }

    @Override
    public final void gate(SpeechGate gate) {
        this.gate = gate;
    }

    @Override
    protected final Transcript complete() throws TranscriptionException {
        Transcript transcript;
        try {
            transcript = recognise(wav, gate);
        } catch (IOException e) {
            throw spoolFailure(e);
        }
        return gate == null ? transcript : gate.apply(transcript);
    }

    private TranscriptionException spoolFailure(IOException e) {
        return new TranscriptionException("Cannot write or read back the temporary audio of " + media + " at "
                + wav.path() + " (disk full?): " + e, e);
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
