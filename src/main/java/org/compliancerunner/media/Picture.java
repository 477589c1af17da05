package org.compliancerunner.media;

import java.nio.ByteBuffer;

/**
 * One decoded picture, downscaled for analysis, as packed 8-bit RGB rows ({@code stride} bytes apart). The pixels
 * are only valid during the call that hands the picture over.
 *
 * @param index       0-based number of the picture in decode order
 * @param timestampMs presentation time
 */
public record Picture(long index, long timestampMs, int width, int height, int stride, ByteBuffer rgb) {

    /** Red, green, blue of one pixel, each 0-255. */
    public int red(int x, int y) {
        return rgb.get(y * stride + x * 3) & 0xff;
    }

    public int green(int x, int y) {
        return rgb.get(y * stride + x * 3 + 1) & 0xff;
    }

    public int blue(int x, int y) {
        return rgb.get(y * stride + x * 3 + 2) & 0xff;
    }
}
