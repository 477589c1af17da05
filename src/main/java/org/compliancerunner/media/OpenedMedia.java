package org.compliancerunner.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.jspecify.annotations.Nullable;

/** A media file opened by FFmpeg (container read, decoders ready, nothing decoded yet); close it to free native memory. */
final class OpenedMedia implements AutoCloseable {

    static {
        FfmpegLog.install();
    }

    private final FFmpegFrameGrabber grabber;
    private final MediaInfo info;

    private OpenedMedia(FFmpegFrameGrabber grabber, MediaInfo info) {
        this.grabber = grabber;
        this.info = info;
    }

    static OpenedMedia open(Path file) throws MediaException {
        return open(file, 0, true);
    }

    /**
     * @param decoderThreads threads per decoder, 0 for FFmpeg's choice (one per core)
     * @param frameThreads   whether they may decode several pictures at once, or only the slices of one
     */
    static OpenedMedia open(Path file, int decoderThreads, boolean frameThreads) throws MediaException {
        String name = file.getFileName().toString();
        String recognised = recognise(file, name);
        // "file:" stops a name with a colon being taken for a protocol; the whitelist stops a playlist-like file from fetching anything else.
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber("file:" + file.toAbsolutePath());
        grabber.setOption("protocol_whitelist", "file");
        // Samples as interleaved float at the source rate and channels; pictures left in the decoder's format.
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        // Analyzers judge averages of downscaled pictures, which deblocking does not change; skipping it saves a third of H.264 decoding.
        grabber.setVideoOption("skip_loop_filter", "all");
        grabber.setVideoOption("threads", String.valueOf(decoderThreads));
        if (!frameThreads) {
            grabber.setVideoOption("thread_type", "slice");
        }
        FfmpegLog.clear();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            String said = FailureReason.ffmpegSaid(FfmpegLog.lastError(), e.getMessage());
            throw new MediaException("cannot open " + name + ": " + (recognised == null
                    ? "FFmpeg does not recognise it as audio or video (FFmpeg: " + said + ")"
                    : FailureReason.explain(said)), e);
        }
        // A file named .txt or .srt is opened by extension even when its content says nothing.
        String demuxer = grabber.getFormat();
        if (!FormatSniffer.isAudioOrVideo(demuxer)) {
            release(grabber);
            throw notAudioOrVideo(name, demuxer);
        }
        try {
            return new OpenedMedia(grabber, StreamLayout.describe(grabber.getFormatContext()));
        } catch (RuntimeException e) {
            release(grabber);
            throw e;
        }
    }

    // Reads the head first, so captions, images and playlists are refused before FFmpeg acts on them.
    private static @Nullable String recognise(Path file, String name) throws MediaException {
        byte[] head;
        try {
            head = Files.isRegularFile(file) ? FormatSniffer.head(file) : null;
        } catch (IOException e) {
            head = null;
        }
        if (head == null) {
            throw new MediaException("cannot read " + file + ": no such file, or not readable by this process");
        }
        if (head.length == 0) {
            throw new MediaException("cannot open " + name + ": the file is empty");
        }
        String recognised = FormatSniffer.recognise(head);
        if (recognised != null && !FormatSniffer.isAudioOrVideo(recognised)) {
            throw notAudioOrVideo(name, recognised);
        }
        return recognised;
    }

    private static MediaException notAudioOrVideo(String name, String demuxer) {
        return new MediaException("cannot open " + name + ": it is a " + demuxer
                + " file (an image, captions, text or a playlist), not audio or video");
    }

    MediaInfo info() {
        return info;
    }

    FFmpegFrameGrabber grabber() {
        return grabber;
    }

    @Override
    public void close() {
        release(grabber);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Releasing native memory of a file we are done with: nothing an operator could act on.
        }
    }
}
