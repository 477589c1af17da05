package org.compliancerunner.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * One decoded picture, downscaled for analysis, as rows of {@value #PIXEL_BYTES}-byte pixels (8-bit red, green, blue
 * and one unused byte) and its luma plane, computed once for all the analyzers that judge brightness. The pixels are
 * only valid during the call that hands the picture over.
 *
 * @param index       0-based number of the picture in decode order
 * @param timestampMs presentation time
 * @param stride      bytes from one row to the next: a multiple of {@value #PIXEL_BYTES}
 * @param luma        {@link Luma} × 256 of every pixel, row after row without padding: {@code width × height} values
 */
public record Picture(long index, long timestampMs, int width, int height, int stride, ByteBuffer rgb, int[] luma) {

    /** Bytes from one pixel to the next in a row. */
    public static final int PIXEL_BYTES = 4;

    /** A picture whose luma plane is computed from its RGB rows. */
    public Picture(long index, long timestampMs, int width, int height, int stride, ByteBuffer rgb) {
        this(index, timestampMs, width, height, stride, rgb, new int[width * height]);
        Luma.plane(this);
    }

    /**
     * The pixels as ints, red in the lowest byte, then green and blue: row {@code y} starts at {@link #rowStart}.
     * A reader takes whole rows at a time from it, which costs less than a call per byte.
     */
    public IntBuffer pixels() {
        return rgb.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    /** Where row {@code y} starts in {@link #pixels()}. */
    public int rowStart(int y) {
        return y * stride / PIXEL_BYTES;
    }

    /** Red of a pixel read from {@link #pixels()}, 0-255. */
    public static int redOf(int pixel) {
        return pixel & 0xff;
    }

    public static int greenOf(int pixel) {
        return pixel >>> 8 & 0xff;
    }

    public static int blueOf(int pixel) {
        return pixel >>> 16 & 0xff;
    }

    /** Red, green, blue of one pixel, each 0-255. */
    public int red(int x, int y) {
        return rgb.get(y * stride + x * PIXEL_BYTES) & 0xff;
    }

    public int green(int x, int y) {
        return rgb.get(y * stride + x * PIXEL_BYTES + 1) & 0xff;
    }

    public int blue(int x, int y) {
        return rgb.get(y * stride + x * PIXEL_BYTES + 2) & 0xff;
    }
}
