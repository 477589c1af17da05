package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_MAX;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.jspecify.annotations.Nullable;

/** Recognises a container from its first bytes with FFmpeg's own probes, the way FFmpeg does before opening a file. */
final class FormatSniffer {

    /** How many leading bytes are looked at; MP4's ftyp box and most other signatures are in the first few dozen. */
    static final int HEAD_BYTES = 4096;

    // A quarter of the maximum is FFmpeg's own threshold for trusting a guess made from content alone.
    private static final int MIN_SCORE = AVPROBE_SCORE_MAX / 4;

    // Demuxers FFmpeg has that are not audio or video: still images, subtitle and text files, playlists, scripts.
    private static final Set<String> NOT_AUDIO_OR_VIDEO = Set.of(
            "image2", "srt", "webvtt", "ass", "subviewer", "subviewer1", "microdvd", "mpl2", "mpsub", "jacosub",
            "realtext", "sami", "stl", "vplayer", "pjs", "lrc", "aqtitle", "mcc", "scc", "tedcaptions", "tty",
            "ffmetadata", "hls", "concat", "dash", "ico", "apng", "gif", "txd");

    static {
        FfmpegLog.install();
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
    }

    private FormatSniffer() {
    }

    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** The demuxer FFmpeg would pick from these bytes alone, or null when none is confident. */
    static @Nullable String recognise(byte[] head) {
        if (head.length == 0) {
            return null;
        }
        // FFmpeg's probes may read past the data, so the buffer carries the zero padding it requires.
        try (BytePointer buffer = new BytePointer((long) head.length + AVPROBE_PADDING_SIZE);
             BytePointer noName = new BytePointer("");
             AVProbeData probe = new AVProbeData()) {
            buffer.zero();
            buffer.put(head, 0, head.length);
            // No file name: the verdict rests on the content, not on what the uploader called the file.
            probe.filename(noName).buf(buffer).buf_size(head.length);
            int[] score = new int[1];
            AVInputFormat format = av_probe_input_format3(probe, 1, score);
            return format == null || format.isNull() || score[0] < MIN_SCORE ? null : format.name().getString();
        }
    }

    static boolean isAudioOrVideo(String demuxer) {
        return !NOT_AUDIO_OR_VIDEO.contains(demuxer) && !demuxer.endsWith("_pipe");
    }
}
