package org.compliancerunner.media;

import java.nio.IntBuffer;

/**
 * Luma of RGB pixels, times 256, as integers: BT.601 weights, because FFmpeg's scaler turns YUV into RGB with
 * BT.601 unless told otherwise, so these weights give back the luma plane that ffmpeg's own filters look at.
 */
public final class Luma {

    /** Luma of white: 255 × 256. */
    public static final int FULL_SCALE = 255 * 256;

    private Luma() {
    }

    /** Fills the picture's {@link Picture#luma()} with the luma × 256 of every pixel, row after row without padding. */
    static void plane(Picture picture) {
        int width = picture.width();
        int[] plane = picture.luma();
        IntBuffer pixels = picture.pixels();
        int[] row = new int[width];
        for (int y = 0, i = 0; y < picture.height(); y++) {
            pixels.get(picture.rowStart(y), row, 0, width);
            for (int x = 0; x < width; x++, i++) {
                int pixel = row[x];
                plane[i] = 77 * Picture.redOf(pixel) + 150 * Picture.greenOf(pixel) + 29 * Picture.blueOf(pixel);
            }
        }
    }
}
