package org.compliancerunner.demo;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.compliancerunner.media.FfmpegLog;
import org.compliancerunner.media.Interval;
import org.jspecify.annotations.Nullable;

/** Writes small, known media: the README demo set, unit-test clips and benchmark input. */
public final class SampleMedia {

    /** A caption cue, times in milliseconds from the start. */
    public record Cue(long startMs, long endMs, String text) {
    }

    static final int FRAME_RATE = 25;
    static final int SAMPLE_RATE = 48_000;
    static final int CHANNELS = 2;

    // About -20 dBFS: audible, far from clipping, and not silence to a silence detector.
    // a stereo 440 Hz tone at this amplitude measures about -23 LUFS, the EBU R128 target
    static final double COMPLIANT_AMPLITUDE = 0.075;
    // and at this one about -11 LUFS, as loud as an over-compressed advert
    static final double LOUD_AMPLITUDE = 0.3;
    private static final double TONE_HZ = 440;

    // the encoders' own chatter goes to the log, not to the terminal of demo and samples
    static {
        FfmpegLog.install();
    }

    private SampleMedia() {
    }

    /** How a sample clip's streams are coded, and in which container. */
    public enum Coding {
        /** What phones and editors deliver: H.264 (through openh264) and AAC in MP4. */
        H264_AAC("mp4", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P, AV_CODEC_ID_AAC),
        // Lossless in QuickTime, not Matroska: JavaCV's recorder leaves Matroska audio packet durations in samples,
        // which stretches the sound track's stated duration by seconds and makes a whole file look truncated.
        /** Lossless FFV1 and 16-bit PCM in QuickTime: what is measured is exactly what was written. */
        FFV1_PCM("mov", AV_CODEC_ID_FFV1, AV_PIX_FMT_YUV420P, AV_CODEC_ID_PCM_S16LE),
        /** 10-bit 4:2:0 pictures, as camera originals and HDR masters have, losslessly in QuickTime. */
        FFV1_10BIT_PCM("mov", AV_CODEC_ID_FFV1, AV_PIX_FMT_YUV420P10LE, AV_CODEC_ID_PCM_S16LE);

        private final String container;
        private final int videoCodec;
        private final int pixelFormat;
        private final int audioCodec;

        Coding(String container, int videoCodec, int pixelFormat, int audioCodec) {
            this.container = container;
            this.videoCodec = videoCodec;
            this.pixelFormat = pixelFormat;
            this.audioCodec = audioCodec;
        }
    }

    /**
     * Which streams a clip has and how they are written; {@link #standard()} is what {@code writeClip} writes
     * without one.
     *
     * @param picture         whether it has a video stream
     * @param channels        audio channels (6 is 5.1), 0 for no audio stream
     * @param indexFirst      put the MP4 index (moov atom) at the start, as streaming servers want; a truncated copy
     *                        then still opens, and only decoding finds the missing end
     * @param irregularFrames pictures 20, 70, 30 and 80 ms apart in turn (20 fps on average), as phones record
     * @param black           where the picture is black, or null for none
     */
    public record ClipFormat(Coding coding, boolean picture, int channels, boolean indexFirst, boolean irregularFrames,
                             @Nullable Interval black) {

        public ClipFormat {
            if (!picture && channels == 0 || channels < 0) {
                throw new IllegalArgumentException("a clip needs a picture or at least one audio channel, not "
                        + channels);
            }
        }

        public static ClipFormat standard() {
            return new ClipFormat(Coding.H264_AAC, true, CHANNELS, false, false, null);
        }

        public ClipFormat coded(Coding value) {
            return new ClipFormat(value, picture, channels, indexFirst, irregularFrames, black);
        }

        public ClipFormat withIndexFirst() {
            return new ClipFormat(coding, picture, channels, true, irregularFrames, black);
        }

        public ClipFormat withChannels(int value) {
            return new ClipFormat(coding, picture, value, indexFirst, irregularFrames, black);
        }

        public ClipFormat soundOnly() {
            return new ClipFormat(coding, false, channels, indexFirst, irregularFrames, black);
        }

        public ClipFormat pictureOnly() {
            return withChannels(0);
        }

        public ClipFormat withIrregularFrames() {
            return new ClipFormat(coding, picture, channels, indexFirst, true, black);
        }

        public ClipFormat withBlack(Interval value) {
            return new ClipFormat(coding, picture, channels, indexFirst, irregularFrames, value);
        }
    }

    /** Writes an H.264 + AAC (48 kHz stereo) MP4 of a bar sweeping across a grey picture over a quiet tone. */
    public static void writeClip(Path file, double seconds, int width, int height) {
        writeClip(file, seconds, width, height, 0);
    }

    /** As {@link #writeClip(Path, double, int, int)}; each variant has its own tone and grey, so its own content hash. */
    public static void writeClip(Path file, double seconds, int width, int height, int variant) {
        writeClip(file, seconds, seconds, width, height, variant, COMPLIANT_AMPLITUDE, ClipFormat.standard());
    }

    /** The same bar over the same tone (every channel carries it), with the streams and coding the format asks for. */
    public static void writeClip(Path file, double seconds, int width, int height, ClipFormat format) {
        writeClip(file, seconds, seconds, width, height, 0, COMPLIANT_AMPLITUDE, format);
    }

    /** @param audioSeconds where the tone stops: a sound track may end before the picture does */
    public static void writeClip(Path file, double seconds, double audioSeconds, int width, int height, boolean indexFirst) {
        ClipFormat format = ClipFormat.standard();
        writeClip(file, seconds, audioSeconds, width, height, 0, COMPLIANT_AMPLITUDE,
                indexFirst ? format.withIndexFirst() : format);
    }

    private static void writeClip(Path file, double seconds, double audioSeconds, int width, int height, int variant,
                                  double amplitude, ClipFormat format) {
        int channels = format.channels();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(),
                format.picture() ? width : 0, format.picture() ? height : 0, channels)) {
            Coding coding = format.coding();
            recorder.setFormat(coding.container);
            if (format.picture()) {
                recorder.setVideoCodec(coding.videoCodec);
                recorder.setPixelFormat(coding.pixelFormat);
                // irregular timestamps need a clock finer than the frame spacing: 10 ms steps
                recorder.setFrameRate(format.irregularFrames() ? 100 : FRAME_RATE);
                recorder.setVideoOption("preset", "ultrafast");
            }
            if (channels > 0) {
                recorder.setAudioCodec(coding.audioCodec);
                recorder.setSampleRate(SAMPLE_RATE);
                recorder.setAudioChannels(channels);
                recorder.setAudioBitrate(48_000 * channels);
            }
            if (format.indexFirst()) {
                recorder.setOption("movflags", "+faststart");
            }
            recorder.start();
            record(recorder, format, seconds, audioSeconds, width, height, Math.floorMod(variant, 4096), amplitude);
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write sample clip " + file + ": " + e.getMessage(), e);
        }
    }

    // Picture times in milliseconds: every 40 ms, or irregular steps that add up to 200 ms, so whole seconds are hit.
    private static long[] pictureTimesMs(double seconds, boolean irregular) {
        long endMs = Math.round(seconds * 1000);
        long[] steps = irregular ? new long[] {20, 70, 30, 80} : new long[] {1000 / FRAME_RATE};
        List<Long> times = new ArrayList<>();
        for (long t = 0, i = 0; t < endMs; t += steps[(int) (i++ % steps.length)]) {
            times.add(t);
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static void record(FFmpegFrameRecorder recorder, ClipFormat format, double seconds, double audioSeconds,
                               int width, int height, int variant, double amplitude) throws FrameRecorder.Exception {
        double toneHz = TONE_HZ + variant;
        int grey = 96 + variant % 64;
        int channels = format.channels();
        long[] times = pictureTimesMs(seconds, format.irregularFrames());
        long audioEnd = Math.round(Math.min(audioSeconds, seconds) * SAMPLE_RATE);
        Frame picture = format.picture() ? new Frame(width, height, Frame.DEPTH_UBYTE, 3) : null;
        long sample = 0;
        for (int i = 0; i < times.length; i++) {
            if (picture != null) {
                boolean black = format.black() != null
                        && times[i] >= format.black().startMs() && times[i] < format.black().endMs();
                drawBar((ByteBuffer) picture.image[0], picture.imageStride, width, height,
                        i * width / times.length, black ? 0 : grey);
                if (format.irregularFrames()) {
                    recorder.setTimestamp(times[i] * 1000);
                }
                recorder.record(picture);
            }
            // the sound up to the next picture, so both streams stay interleaved as a muxer wants them
            long nextMs = i + 1 < times.length ? times[i + 1] : Math.round(seconds * 1000);
            long until = Math.min(audioEnd, nextMs * SAMPLE_RATE / 1000);
            if (channels > 0 && until > sample) {
                ShortBuffer tone = ShortBuffer.allocate((int) (until - sample) * channels);
                for (; sample < until; sample++) {
                    short value = (short) (Short.MAX_VALUE * amplitude
                            * Math.sin(2 * Math.PI * toneHz * sample / SAMPLE_RATE));
                    for (int c = 0; c < channels; c++) {
                        tone.put(value);
                    }
                }
                tone.flip();
                recorder.recordSamples(SAMPLE_RATE, channels, tone);
            }
        }
    }

    // Grey picture with a white vertical bar at x, drawn straight into the BGR buffer one whole row at a time.
    private static void drawBar(ByteBuffer pixels, int stride, int width, int height, int x, int grey) {
        int barWidth = Math.max(2, width / 16);
        byte[] row = new byte[width * 3];
        boolean black = grey == 0;
        for (int col = 0; col < width; col++) {
            byte value = black ? 0 : col >= x && col < x + barWidth ? (byte) 235 : (byte) grey;
            row[col * 3] = value;
            row[col * 3 + 1] = value;
            row[col * 3 + 2] = value;
        }
        for (int y = 0; y < height; y++) {
            pixels.put(y * stride, row);
        }
    }

    /** Writes the cues as an SRT file (UTF-8). */
    public static void writeCaptions(Path srtFile, List<Cue> cues) {
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            srt.append(i + 1).append('\n')
                    .append(timecode(cue.startMs())).append(" --> ").append(timecode(cue.endMs())).append('\n')
                    .append(cue.text()).append("\n\n");
        }
        try {
            Files.writeString(srtFile, srt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write captions " + srtFile + ": " + e.getMessage(), e);
        }
    }

    private static String timecode(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d",
                ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    /**
     * Writes the demo set into dir (created if needed, files overwritten): {@code ad-spot.mp4/.srt} with a
     * guaranteed-returns claim at 4–8 s and a sound track far louder than EBU R128 allows, a clean
     * {@code station-ident.mp4/.srt} at -23 LUFS, and {@code broken-upload.mp4},
     * the first 60% of ad-spot.mp4, which is recognised as media but cannot be opened.
     */
    public static Path writeDemoSet(Path dir) {
        try {
            Files.createDirectories(dir);
            Path adSpot = dir.resolve("ad-spot.mp4");
            writeClip(adSpot, 12, 12, 640, 360, 1, LOUD_AMPLITUDE, ClipFormat.standard());
            writeCaptions(dir.resolve("ad-spot.srt"), List.of(
                    new Cue(0, 3_500, "Planning for tomorrow starts today."),
                    new Cue(4_000, 8_000, "Our fund offers guaranteed returns\nfor every investor."),
                    new Cue(8_500, 11_500, "Talk to an adviser near you.")));
            writeClip(dir.resolve("station-ident.mp4"), 6, 640, 360);
            writeCaptions(dir.resolve("station-ident.srt"), List.of(
                    new Cue(500, 3_000, "You are watching Channel Seven."),
                    // two frames apart at 25 fps, as caption style guides ask
                    new Cue(3_080, 5_500, "Stay with us for the evening news.")));
            writeTruncated(adSpot, dir.resolve("broken-upload.mp4"), 0.6);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo set in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Copies the first {@code share} of the bytes of source: an upload cut off part-way. */
    public static void writeTruncated(Path source, Path target, double share) throws IOException {
        long keep = (long) (Files.size(source) * share);
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            out.write(in.readNBytes((int) keep));
        }
    }
}
