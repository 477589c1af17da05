package org.compliancerunner.media;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacv.Frame;
import org.jspecify.annotations.Nullable;

/**
 * The listening side of one decode pass: picture listeners on one thread, sound listeners and the speech stream on
 * another, so decoding, picture analysis and sound analysis use the cores side by side instead of taking turns.
 * Each gets copies of the decoder's frames, because JavaCV writes the next frame into the same buffers; each
 * listener still sees its stream in order, on one thread.
 */
final class AnalysisThreads implements AutoCloseable {

    /** 8 small RGB pictures (320 × 180 × 3 bytes each for 16:9): enough for the decoder to run ahead a little. */
    private static final int PICTURE_BUFFERS = 8;
    /** About 0.7 s of 48 kHz sound. */
    private static final int SOUND_BUFFERS = 8;
    /**
     * Decoded sound frames are gathered to at least this many samples per channel (85 ms at 48 kHz, four AAC frames)
     * before they are handed over: a quarter of the hand-overs and listener calls that frame by frame would take.
     */
    private static final int SOUND_BATCH = 4096;

    private final @Nullable AnalysisLane<PictureBuffer> pictures;
    private final @Nullable AnalysisLane<SoundBuffer> sound;
    private final int channels;
    // the sound being gathered, not handed over yet
    private @Nullable SoundBuffer gathering;

    /**
     * @param format sound format of the file, or null when no sound is decoded
     * @param speech the speech stream's resampler, or null when no listener wants speech; runs on the sound thread
     */
    AnalysisThreads(String file, ListenerFanout fanout, boolean analysePictures, @Nullable AudioFormat format,
                    @Nullable SpeechResampler speech) {
        this.pictures = analysePictures ? new AnalysisLane<>("pictures-" + file, PICTURE_BUFFERS, PictureBuffer::new,
                buffer -> fanout.picture(buffer.picture()), () -> { }) : null;
        boolean listening = format != null && (fanout.wantsAudio() || speech != null);
        this.channels = format == null ? 0 : format.channels();
        this.sound = listening ? new AnalysisLane<>("sound-" + file, SOUND_BUFFERS, SoundBuffer::new, buffer -> {
            if (fanout.wantsAudio()) {
                fanout.audio(format, buffer.samples, buffer.frames);
            }
            if (speech != null) {
                speech.push(buffer.samples, buffer.frames);
            }
        }, () -> {
            if (speech != null) {
                speech.finish();
            }
        }) : null;
    }

    /** Hands a copy of a decoded picture to the picture thread. */
    void picture(Frame frame, long index) throws InterruptedException {
        if (pictures == null) {
            return;
        }
        PictureBuffer buffer = pictures.buffer();
        buffer.fill(frame, index);
        pictures.submit(buffer);
    }

    /** Copies decoded interleaved float samples for the sound thread, which gets them a few frames at a time. */
    void sound(Frame frame, int frames) throws InterruptedException {
        if (sound == null) {
            return;
        }
        if (gathering == null) {
            gathering = sound.buffer();
            gathering.clear();
        }
        gathering.append((FloatBuffer) frame.samples[0], frames, channels);
        if (gathering.frames >= SOUND_BATCH) {
            handOverSound();
        }
    }

    private void handOverSound() throws InterruptedException {
        if (sound != null && gathering != null) {
            sound.submit(gathering);
            gathering = null;
        }
    }

    /** Whether a listener failed, so decoding need not go on. */
    boolean failed() {
        return pictures != null && pictures.failed() || sound != null && sound.failed();
    }

    /** The first listener failure, or null. */
    @Nullable Exception failure() {
        Exception failure = pictures == null ? null : pictures.failure();
        return failure != null || sound == null ? failure : sound.failure();
    }

    /**
     * Waits until the listeners have everything that was decoded; the speech stream is flushed only when the file was
     * decoded whole. Afterwards the listeners may be read on the calling thread.
     */
    void finish(boolean whole) throws InterruptedException {
        handOverSound();
        if (pictures != null) {
            pictures.finish(whole);
        }
        if (sound != null) {
            sound.finish(whole);
        }
    }

    /** Stops both threads without analysing what is still queued; a no-op after {@link #finish}. */
    @Override
    public void close() {
        if (pictures != null) {
            pictures.abandon();
        }
        if (sound != null) {
            sound.abandon();
        }
    }

    /** One picture's RGB rows, its luma plane and where it is in the video. */
    private static final class PictureBuffer {
        private ByteBuffer rgb = ByteBuffer.allocate(0);
        private int[] luma = new int[0];
        private long index;
        private long timestampMs;
        private int width;
        private int height;
        private int stride;

        void fill(Frame frame, long index) {
            ByteBuffer source = (ByteBuffer) frame.image[0];
            int size = frame.imageStride * frame.imageHeight;
            if (rgb.capacity() < size) {
                rgb = ByteBuffer.allocate(size);
            }
            source.get(0, rgb.array(), 0, size);
            rgb.limit(size);
            this.index = index;
            this.timestampMs = frame.timestamp / 1000;
            this.width = frame.imageWidth;
            this.height = frame.imageHeight;
            this.stride = frame.imageStride;
        }

        /** The picture, its luma computed here on the picture thread rather than on the decoder's. */
        Picture picture() {
            if (luma.length != width * height) {
                luma = new int[width * height];
            }
            Luma.plane(rgb, width, height, stride, luma);
            return new Picture(index, timestampMs, width, height, stride, rgb, luma);
        }
    }

    /** Decoded frames of interleaved samples, one after the other. */
    private static final class SoundBuffer {
        private float[] samples = new float[0];
        private int values;
        private int frames;

        void append(FloatBuffer source, int frames, int channels) {
            int more = frames * channels;
            if (samples.length < values + more) {
                samples = Arrays.copyOf(samples, Math.max(values + more, 2 * samples.length));
            }
            source.get(0, samples, values, more);
            values += more;
            this.frames += frames;
        }

        /** Empties a buffer the pool handed out again. */
        void clear() {
            values = 0;
            frames = 0;
        }
    }
}
