package org.compliancerunner.media;

/**
 * Receives what the one decode pass produces. Every analyzer of a video is a listener on the same pass,
 * so a file is decoded once however many measurements and transcribers look at it.
 */
public interface MediaListener {

    /** Called once, before any samples, with the probed streams. */
    default void onStart(MediaInfo info) {
    }

    /** Whether this listener needs decoded pictures; when no listener does, video is not decoded at all. */
    default boolean wantsVideo() {
        return false;
    }

    /** Whether this listener needs the 16 kHz mono speech stream. */
    default boolean wantsSpeechAudio() {
        return false;
    }

    /** 16 kHz mono float samples in [-1, 1], in order; {@code samples} is reused after the call returns. */
    default void onSpeechAudio(float[] samples, int length) {
    }

    /** Called once after the last sample when the whole file was decoded. */
    default void onEnd(long decodedMs) {
    }
}
