package org.compliancerunner.speech;

/**
 * Cuts the 16 kHz speech stream into fixed windows, so an engine sees bounded pieces however long the video is.
 * Each window is handed over with its start time; the buffer is reused afterwards.
 */
final class AudioWindows {

    static final int SAMPLE_RATE = 16_000;

    /** Receives samples as they come; {@code samples} is reused after it returns. */
    interface Sink {
        void accept(float[] samples, int length) throws TranscriptionException;
    }

    /** Receives one full window, or the last partial one. */
    interface Consumer {
        void window(float[] samples, int length, long startMs) throws TranscriptionException;
    }

    private final float[] buffer;
    private final Consumer consumer;
    private int filled;
    private long windowsDone;

    AudioWindows(int windowSeconds, Consumer consumer) {
        this.buffer = new float[windowSeconds * SAMPLE_RATE];
        this.consumer = consumer;
    }

    void add(float[] samples, int length) throws TranscriptionException {
        int offset = 0;
        while (offset < length) {
            int n = Math.min(length - offset, buffer.length - filled);
            System.arraycopy(samples, offset, buffer, filled, n);
            filled += n;
            offset += n;
            if (filled == buffer.length) {
                emit();
            }
        }
    }

    /** Hands over what is left after the last full window. */
    void flush() throws TranscriptionException {
        if (filled > 0) {
            emit();
        }
    }

    private void emit() throws TranscriptionException {
        long startMs = windowsDone * buffer.length * 1000L / SAMPLE_RATE;
        int length = filled;
        filled = 0;
        windowsDone++;
        consumer.window(buffer, length, startMs);
    }
}
