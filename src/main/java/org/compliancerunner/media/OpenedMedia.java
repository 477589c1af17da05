package org.compliancerunner.media;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

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
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new MediaException("cannot read " + file + ": no such file, or not readable by this process");
        }
        // "file:" stops a name with a colon being taken for a protocol; the whitelist stops a playlist-like file from fetching anything else.
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber("file:" + file.toAbsolutePath());
        grabber.setOption("protocol_whitelist", "file");
        // Samples as interleaved float at the source rate and channels; pictures left in the decoder's format.
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        FfmpegLog.clear();
        try {
            grabber.start();
            return new OpenedMedia(grabber, StreamLayout.describe(grabber.getFormatContext()));
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new MediaException("cannot open " + file.getFileName() + ": "
                    + FailureReason.ofOpen(FfmpegLog.lastError(), e.getMessage()), e);
        }
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
