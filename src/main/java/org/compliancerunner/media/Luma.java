package org.compliancerunner.media;

import java.nio.ByteBuffer;

/**
 * Luma of RGB pixels, times 256, as integers: BT.601 weights, because FFmpeg's scaler turns YUV into RGB with
 * BT.601 unless told otherwise, so these weights give back the luma plane that ffmpeg's own filters look at.
 */
public final class Luma {

    /** Luma of white: 255 × 256. */
    public static final int FULL_SCALE = 255 * 256;

    private Luma() {
    }

    /** Fills {@code plane} with the luma × 256 of every pixel of the packed RGB rows, row after row without padding. */
    static void plane(ByteBuffer rgb, int width, int height, int stride, int[] plane) {
        byte[] row = new byte[width * 3];
        for (int y = 0, i = 0; y < height; y++) {
            // one bulk copy per row: a get per byte costs more than the arithmetic
            rgb.get(y * stride, row, 0, row.length);
            for (int at = 0; at < row.length; at += 3, i++) {
                plane[i] = 77 * (row[at] & 0xff) + 150 * (row[at + 1] & 0xff) + 29 * (row[at + 2] & 0xff);
            }
        }
    }
}
