package org.compliancerunner.speech;

import org.compliancerunner.media.MediaListener;

/** Transcribes one video while it is decoded; {@link #finish()} is called after the decode pass ends. */
public interface TranscriptionSession extends MediaListener, AutoCloseable {

    Transcript finish() throws TranscriptionException;

    @Override
    default void close() {
    }
}
