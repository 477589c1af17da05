package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.AVPROBE_SCORE_MAX;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.springframework.stereotype.Component;

/** Tells media from non-media, and reads what streams a media file has, without decoding it. */
@Component
public class MediaProbe {

    /** How many leading bytes FFmpeg looks at to recognise a container; MP4's ftyp box is in the first few dozen. */
    static final int SNIFF_BYTES = 4096;

    // A quarter of the maximum is FFmpeg's own threshold for trusting a guess made from content alone.
    private static final int MIN_SCORE = AVPROBE_SCORE_MAX / 4;

    // Demuxers FFmpeg recognises that are not audio or video: still images, subtitle and text sidecars, playlists and scripts.
    private static final Set<String> NOT_AUDIO_OR_VIDEO = Set.of(
            "image2", "srt", "webvtt", "ass", "subviewer", "subviewer1", "microdvd", "mpl2", "mpsub", "jacosub",
            "realtext", "sami", "stl", "vplayer", "pjs", "lrc", "aqtitle", "mcc", "scc", "tedcaptions", "tty",
            "ffmetadata", "hls", "concat", "dash", "ico", "apng", "gif", "svg_pipe", "txd");

    static {
        FfmpegLog.install();
        Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
    }

    /**
     * The container format FFmpeg recognises from the first bytes of the file, or null when it is not audio or
     * video (text, still images, subtitles, playlists, an empty file). Only the header is read, so a file whose
     * tail is missing is still recognised: it is media that turns out broken, not "not media".
     */
    public String sniff(Path file) {
        byte[] head = readHead(file);
        if (head.length == 0) {
            return null;
        }
        // FFmpeg's probes may read past the data, so the buffer carries the zero padding it requires.
        try (BytePointer buffer = new BytePointer((long) head.length + AVPROBE_PADDING_SIZE);
             AVProbeData probe = new AVProbeData()) {
            buffer.zero();
            buffer.put(head, 0, head.length);
            // An empty file name: the verdict rests on the content, not on what the uploader called it.
            try (BytePointer name = new BytePointer("")) {
                probe.filename(name).buf(buffer).buf_size(head.length);
                int[] score = new int[1];
                AVInputFormat format = av_probe_input_format3(probe, 1, score);
                if (format == null || format.isNull() || score[0] < MIN_SCORE) {
                    return null;
                }
                String formatName = format.name().getString();
                return isAudioOrVideo(formatName) ? formatName : null;
            }
        }
    }

    /**
     * Opens the container and reads its streams without decoding them.
     *
     * @throws MediaException when FFmpeg cannot open it, with FFmpeg's reason in words
     */
    public MediaInfo probe(Path file) throws MediaException {
        try (OpenedMedia media = OpenedMedia.open(file)) {
            return media.info();
        }
    }

    private static boolean isAudioOrVideo(String formatName) {
        return !NOT_AUDIO_OR_VIDEO.contains(formatName) && !formatName.endsWith("_pipe");
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
