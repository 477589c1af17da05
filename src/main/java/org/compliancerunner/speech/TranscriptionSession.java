package org.compliancerunner.speech;

import org.compliancerunner.media.MediaListener;

/** Transcribes one video while it is decoded; {@link #finish()} is called after the decode pass ends. */
public interface TranscriptionSession extends MediaListener, AutoCloseable {

    Transcript finish() throws TranscriptionException;

    /**
     * The speech map, given before {@link #finish()} when it was measured: a speech recogniser sends only speech
     * and keeps only text said there. Captions are what the video carries and are not gated.
     */
    default void gate(SpeechGate gate) {
    }

    @Override
    default void close() {
    }
}
