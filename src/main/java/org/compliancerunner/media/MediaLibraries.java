package org.compliancerunner.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/** FFmpeg's native libraries, which take a tenth of a second or more to load and link. */
public final class MediaLibraries {

    private MediaLibraries() {
    }

    /**
     * Starts loading them on a thread of their own, so a command that decodes loads them while its Spring context
     * starts on the other core; the first decode waits for the loading if it is not done yet.
     */
    public static void loadInBackground() {
        NativeLoading.start("load-ffmpeg", () -> {
            FfmpegLog.install();
            FFmpegFrameGrabber.tryLoad();
        });
    }
}
