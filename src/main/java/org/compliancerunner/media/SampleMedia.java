package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

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

    static {
        FfmpegLog.install();
    }

    private SampleMedia() {
    }

    /** Writes an H.264 + AAC (48 kHz stereo) MP4 of a bar sweeping across a grey picture over a quiet tone. */
    public static void writeClip(Path file, double seconds, int width, int height) {
        writeClip(file, seconds, width, height, 0);
    }

    /** As {@link #writeClip(Path, double, int, int)}; each variant has its own tone and grey, so its own content hash. */
    public static void writeClip(Path file, double seconds, int width, int height, int variant) {
        writeClip(file, seconds, seconds, width, height, false, variant, COMPLIANT_AMPLITUDE);
    }

    /**
     * @param audioSeconds where the tone stops: a sound track may end before the picture does
     * @param indexFirst   put the MP4 index (moov atom) at the start, as streaming servers want; a truncated copy
     *                     then still opens, and only decoding finds the missing end
     */
    static void writeClip(Path file, double seconds, double audioSeconds, int width, int height, boolean indexFirst) {
        writeClip(file, seconds, audioSeconds, width, height, indexFirst, 0, COMPLIANT_AMPLITUDE);
    }

    private static void writeClip(Path file, double seconds, double audioSeconds, int width, int height,
                                  boolean indexFirst, int variant, double amplitude) {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, CHANNELS)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FRAME_RATE);
            recorder.setVideoOption("preset", "ultrafast");
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioChannels(CHANNELS);
            recorder.setAudioBitrate(96_000);
            if (indexFirst) {
                recorder.setOption("movflags", "+faststart");
            }
            recorder.start();
            record(recorder, frames(seconds), frames(audioSeconds), width, height, Math.floorMod(variant, 4096), amplitude);
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write sample clip " + file + ": " + e.getMessage(), e);
        }
    }

    private static int frames(double seconds) {
        return (int) Math.round(seconds * FRAME_RATE);
    }

    private static void record(FFmpegFrameRecorder recorder, int frames, int audioFrames, int width, int height,
                               int variant, double amplitude) throws FrameRecorder.Exception {
        double toneHz = TONE_HZ + variant;
        byte grey = (byte) (96 + variant % 64);
        Frame picture = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer pixels = (ByteBuffer) picture.image[0];
        int stride = picture.imageStride;
        int samplesPerFrame = SAMPLE_RATE / FRAME_RATE;
        ShortBuffer tone = ShortBuffer.allocate(samplesPerFrame * CHANNELS);
        long sample = 0;
        for (int i = 0; i < frames; i++) {
            drawBar(pixels, stride, width, height, i * width / Math.max(1, frames), grey);
            recorder.record(picture);
            if (i >= audioFrames) {
                continue;
            }
            tone.clear();
            for (int s = 0; s < samplesPerFrame; s++, sample++) {
                short value = (short) (Short.MAX_VALUE * amplitude
                        * Math.sin(2 * Math.PI * toneHz * sample / SAMPLE_RATE));
                tone.put(value).put(value);
            }
            tone.flip();
            recorder.recordSamples(SAMPLE_RATE, CHANNELS, tone);
        }
    }

    // Grey picture with a white vertical bar at x, drawn straight into the BGR buffer one whole row at a time.
    private static void drawBar(ByteBuffer pixels, int stride, int width, int height, int x, byte grey) {
        int barWidth = Math.max(2, width / 16);
        byte[] row = new byte[width * 3];
        for (int col = 0; col < width; col++) {
            byte value = col >= x && col < x + barWidth ? (byte) 235 : grey;
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
            writeClip(adSpot, 12, 12, 640, 360, false, 1, LOUD_AMPLITUDE);
            writeCaptions(dir.resolve("ad-spot.srt"), List.of(
                    new Cue(0, 3_500, "Planning for tomorrow starts today."),
                    new Cue(4_000, 8_000, "Our fund offers guaranteed returns for every investor."),
                    new Cue(8_500, 11_500, "Talk to an adviser near you.")));
            writeClip(dir.resolve("station-ident.mp4"), 6, 640, 360);
            writeCaptions(dir.resolve("station-ident.srt"), List.of(
                    new Cue(500, 3_000, "You are watching Channel Seven."),
                    new Cue(3_000, 5_500, "Stay with us for the evening news.")));
            writeTruncated(adSpot, dir.resolve("broken-upload.mp4"), 0.6);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo set in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Copies the first {@code share} of the bytes of source: an upload cut off part-way. */
    static void writeTruncated(Path source, Path target, double share) throws IOException {
        long keep = (long) (Files.size(source) * share);
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            out.write(in.readNBytes((int) keep));
        }
    }
}
