package org.compliancerunner.media;

/**
 * Receives what the one decode pass produces. Every analyzer of a video is a listener on the same pass,
 * so a file is decoded once however many measurements and transcribers look at it.
 *
 * <p>Pictures are handed over on one thread and sound ({@link #onAudio}, {@link #onSpeechAudio}) on another, each
 * in order, while the file goes on decoding; {@link #onStart} and {@link #onEnd} are called on the decoding thread,
 * before the first and after the last of them. A listener that wants both pictures and sound gets them at the same
 * time and must keep what each side writes apart.
 */
public interface MediaListener {

    /** Called once, before any samples, with the probed streams. */
    default void onStart(MediaInfo info) {
    }

    /** Whether this listener needs decoded pictures; when no listener does, video is not decoded at all. */
    default boolean wantsVideo() {
        return false;
    }

    /** Each decoded picture, downscaled for analysis, when {@link #wantsVideo()}. */
    default void onPicture(Picture picture) {
    }

    /** Whether this listener needs the sound track at its own rate and channels (loudness, silence). */
    default boolean wantsAudio() {
        return false;
    }

    /**
     * Interleaved float samples at the file's own rate: {@code frames} × {@code format.channels()} values in order,
     * in [-1, 1] for fixed-point sources; {@code samples} is reused after the call returns.
     */
    default void onAudio(AudioFormat format, float[] samples, int frames) {
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
