package org.compliancerunner.speech;

import org.jspecify.annotations.Nullable;

/**
 * A session that consumes the 16 kHz speech stream. The decode pass cannot take a checked exception, so the first
 * failure while consuming stops further work and is reported by {@link #finish()}.
 */
abstract class SpeechAudioSession implements TranscriptionSession {

    private @Nullable TranscriptionException failure;

    /** Takes the next samples; {@code samples} is reused by the caller after this returns. */
    protected abstract void accept(float[] samples, int length) throws TranscriptionException;

    /** Produces the transcript once all audio was accepted. */
    protected abstract Transcript complete() throws TranscriptionException;

    @Override
    public final boolean wantsSpeechAudio() {
        return true;
    }

    @Override
    public final void onSpeechAudio(float[] samples, int length) {
        if (failure != null) {
            return;
        }
        try {
            accept(samples, length);
        } catch (TranscriptionException e) {
            failure = e;
        }
    }

    @Override
    public final Transcript finish() throws TranscriptionException {
        if (failure != null) {
            throw failure;
        }
        return complete();
    }
}
