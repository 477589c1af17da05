package org.compliancerunner.media.picture;

import java.nio.ByteBuffer;

/**
 * Luma of an RGB pixel, times 256, as integers: BT.601 weights, because FFmpeg's scaler turns YUV into RGB with
 * BT.601 unless told otherwise, so these weights give back the luma plane that ffmpeg's own filters look at.
 */
final class Luma {

    /** Luma of white: 255 × 256. */
    static final int FULL_SCALE = 255 * 256;

    private Luma() {
    }

    /** Luma × 256 (0 to {@link #FULL_SCALE}) of the pixel whose red byte is at {@code offset}. */
    static int at(ByteBuffer rgb, int offset) {
        return 77 * (rgb.get(offset) & 0xff) + 150 * (rgb.get(offset + 1) & 0xff) + 29 * (rgb.get(offset + 2) & 0xff);
    }
}
