package org.compliancerunner.media.flash;

import java.nio.ByteBuffer;

import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.Picture;

/** Feeds a detector made-up pictures: a background with a patch covering the left share of the screen. */
final class SyntheticVideo {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    /** What the patch looks like in one frame. */
    interface Patch {
        int[] rgb(int frame);
    }

    private final FlashDetector detector;
    private final int fps;
    private final ByteBuffer pixels = ByteBuffer.allocate(WIDTH * HEIGHT * Picture.PIXEL_BYTES);
    private int frame;

    SyntheticVideo(FlashDetector detector, int fps) {
        this(detector, fps, "rawvideo " + WIDTH + "x" + HEIGHT + " " + fps + " fps");
    }

    /** @param video the stream description the decoder would pass on, which may lack a frame rate */
    SyntheticVideo(FlashDetector detector, int fps, String video) {
        this.detector = detector;
        this.fps = fps;
        detector.onStart(new MediaInfo("synthetic", -1, video, null, 0));
    }

    /** Plays {@code seconds} of video whose left {@code share} of the screen shows the patch, the rest grey 40. */
    SyntheticVideo play(double seconds, double share, Patch patch) {
        int patchWidth = (int) Math.round(WIDTH * share);
        for (int n = (int) Math.round(seconds * fps); n > 0; n--, frame++) {
            int[] rgb = patch.rgb(frame);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int at = (y * WIDTH + x) * Picture.PIXEL_BYTES;
                    boolean inPatch = x < patchWidth;
                    pixels.put(at, (byte) (inPatch ? rgb[0] : 40));
                    pixels.put(at + 1, (byte) (inPatch ? rgb[1] : 40));
                    pixels.put(at + 2, (byte) (inPatch ? rgb[2] : 40));
                }
            }
            detector.onPicture(new Picture(frame, frame * 1000L / fps, WIDTH, HEIGHT, WIDTH * Picture.PIXEL_BYTES, pixels));
        }
        return this;
    }

    FlashReport end() {
        detector.onEnd(frame * 1000L / fps);
        return detector.report();
    }

    /** Alternates between two colours {@code hz} full cycles a second. */
    static Patch alternating(int fps, double hz, int[] first, int[] second) {
        return frame -> ((int) Math.floor(frame * 2 * hz / fps)) % 2 == 0 ? first : second;
    }

    static Patch steady(int[] rgb) {
        return frame -> rgb;
    }

    static int[] grey(int level) {
        return new int[] {level, level, level};
    }
}
