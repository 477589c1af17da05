package org.compliancerunner.speech;

import java.nio.file.Path;

import org.compliancerunner.media.MediaInfo;

/** A speech engine. One session per video; audio reaches it through the shared decode pass. */
public interface Transcriber {

    /** Engine name as configured: captions, whisper, openai, none. */
    String name();

    /** Opens a session for one video; the session listens to the decode pass if it needs audio. */
    TranscriptionSession open(Path media, MediaInfo info) throws TranscriptionException;
}
