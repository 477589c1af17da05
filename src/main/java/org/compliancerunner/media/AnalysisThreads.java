package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.Frame;
import org.jspecify.annotations.Nullable;

/**
 * The listening side of one decode pass: picture listeners on one thread, sound listeners and the speech stream on
 * another, so decoding, picture analysis and sound analysis use the cores side by side instead of taking turns.
 * The sound thread gets copies of the decoded samples, because JavaCV writes the next frame into the same buffers;
 * the picture thread gets a reference to each decoded picture, which FFmpeg keeps for it until it has scaled it
 * down. Each listener still sees its stream in order, on one thread.
 */
final class AnalysisThreads implements AutoCloseable {

    /** 8 decoded pictures held for scaling: enough for the decoder to run ahead a little. */
    private static final int PICTURE_BUFFERS = 8;
    /** About 0.7 s of 48 kHz sound. */
    private static final int SOUND_BUFFERS = 8;
    /**
     * Decoded sound frames are gathered to at least this many samples per channel (85 ms at 48 kHz, four AAC frames)
     * before they are handed over: a quarter of the hand-overs and listener calls that frame by frame would take.
     */
    private static final int SOUND_BATCH = 4096;

    private final @Nullable AnalysisLane<PictureBuffer> pictures;
    // every picture buffer made, so the decoded pictures they still hold can be let go at the end
    private final List<PictureBuffer> pictureBuffers = new ArrayList<>();
    private final @Nullable AnalysisLane<SoundBuffer> sound;
    private final int channels;
    // the sound being gathered, not handed over yet
    private @Nullable SoundBuffer gathering;

    /**
     * @param small  scales the decoded pictures down on the picture thread, or null when no pictures are analysed
     * @param format sound format of the file, or null when no sound is decoded
     * @param speech the speech stream's resampler, or null when no listener wants speech; runs on the sound thread
     */
    AnalysisThreads(String file, ListenerFanout fanout, @Nullable AnalysisPictures small, @Nullable AudioFormat format,
                    @Nullable SpeechResampler speech) {
        this.pictures = small == null ? null : new AnalysisLane<>("pictures-" + file, PICTURE_BUFFERS, () -> {
            PictureBuffer buffer = new PictureBuffer();
            pictureBuffers.add(buffer);
            return buffer;
        }, buffer -> fanout.picture(buffer.picture(small)), () -> { });
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

    /** Hands a decoded picture (JavaCV's raw frame) to the picture thread. */
    void picture(Frame frame, long index) throws InterruptedException, MediaException {
        if (pictures == null) {
            return;
        }
        PictureBuffer buffer = pictures.buffer();
        buffer.hold(frame, index);
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

    /** Stops both threads without analysing what is still queued, and lets go of the pictures still held. */
    @Override
    public void close() {
        if (pictures != null) {
            pictures.abandon();
        }
        if (sound != null) {
            sound.abandon();
        }
        pictureBuffers.forEach(PictureBuffer::release);
    }

    /** A decoded picture, held until the picture thread has made its small RGB rows and luma plane. */
    private static final class PictureBuffer {
        private final AVFrame decoded = av_frame_alloc();
        // native memory, so FFmpeg's scaler writes the rows here directly
        private ByteBuffer rgb = ByteBuffer.allocateDirect(0);
        private BytePointer target = new BytePointer(rgb);
        private int[] luma = new int[0];
        private long index;
        private long timestampMs;

        /** Takes a reference to the frame's picture: FFmpeg keeps it while the decoder moves on to the next. */
        void hold(Frame frame, long index) throws MediaException {
            av_frame_unref(decoded);
            if (av_frame_ref(decoded, (AVFrame) frame.opaque) < 0) {
                throw new MediaException("no memory left to hold decoded picture " + index);
            }
            this.index = index;
            this.timestampMs = frame.timestamp / 1000;
        }

        /** The picture scaled down, its luma computed here on the picture thread rather than on the decoder's. */
        Picture picture(AnalysisPictures small) throws MediaException {
            int width = small.width();
            int height = small.height();
            int stride = small.stride();
            if (rgb.capacity() < stride * height) {
                rgb = ByteBuffer.allocateDirect(stride * height);
                target = new BytePointer(rgb);
            }
            small.convert(decoded, target);
            av_frame_unref(decoded); // the decoder may reuse the picture's memory from now on
            if (luma.length != width * height) {
                luma = new int[width * height];
            }
            Picture picture = new Picture(index, timestampMs, width, height, stride, rgb, luma);
            Luma.plane(picture);
            return picture;
        }

        void release() {
            av_frame_free(decoded);
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
