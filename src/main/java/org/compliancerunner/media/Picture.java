package org.compliancerunner.media;

import java.nio.ByteBuffer;

/**
 * One decoded picture, downscaled for analysis, as packed 8-bit RGB rows ({@code stride} bytes apart) and its luma
 * plane, computed once for all the analyzers that judge brightness. The pixels are only valid during the call that
 * hands the picture over.
 *
 * @param index       0-based number of the picture in decode order
 * @param timestampMs presentation time
 * @param luma        {@link Luma} × 256 of every pixel, row after row without padding: {@code width × height} values
 */
public record Picture(long index, long timestampMs, int width, int height, int stride, ByteBuffer rgb, int[] luma) {

    /** A picture whose luma plane is computed from its RGB rows. */
    public Picture(long index, long timestampMs, int width, int height, int stride, ByteBuffer rgb) {
        this(index, timestampMs, width, height, stride, rgb, lumaOf(rgb, width, height, stride));
    }

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

    private static int[] lumaOf(ByteBuffer rgb, int width, int height, int stride) {
        int[] luma = new int[width * height];
        Luma.plane(rgb, width, height, stride, luma);
        return luma;
    }
}
