package org.compliancerunner.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.LoggerFactory;

/** FFmpeg's native libraries, which take a tenth of a second or more to load and link. */
public final class MediaLibraries {

    private MediaLibraries() {
    }

    /**
     * Starts loading them on a thread of their own, so a command that decodes loads them while its Spring context
     * starts on the other core; the first decode waits for the loading if it is not done yet.
     */
    public static void loadInBackground() {
        // SLF4J starts here first: a logger made on the loading thread while it started would have its calls
        // replayed, with a warning on stderr
        LoggerFactory.getILoggerFactory();
        Thread loading = new Thread(() -> {
            try {
                FfmpegLog.install();
                FFmpegFrameGrabber.tryLoad();
            } catch (Exception | LinkageError e) {
                // only a head start: the first decode loads them again and reports what is wrong
            }
        }, "load-ffmpeg");
        loading.setDaemon(true);
        loading.start();
    }
}
