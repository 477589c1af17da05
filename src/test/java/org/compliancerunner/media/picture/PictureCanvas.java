package org.compliancerunner.media.picture;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.compliancerunner.media.Picture;

/**
 * A picture drawn by a test and handed to a detector as the decode pass would: rows of RGB pixels with padding after
 * each row, and the padding white, so a detector that reads past the width sees light where there is none.
 */
final class PictureCanvas {

    static final int FRAME_MS = 40;
    private static final int PADDING = 8;

    private final int width;
    private final int height;
    private final int stride;
    private final byte[] rgb;

    PictureCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.stride = width * Picture.PIXEL_BYTES + PADDING;
        this.rgb = new byte[stride * height];
        Arrays.fill(rgb, (byte) 255);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    PictureCanvas fill(int red, int green, int blue) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                set(x, y, red, green, blue);
            }
        }
        return this;
    }

    PictureCanvas set(int x, int y, int red, int green, int blue) {
        int offset = y * stride + x * Picture.PIXEL_BYTES;
        rgb[offset] = (byte) red;
        rgb[offset + 1] = (byte) green;
        rgb[offset + 2] = (byte) blue;
        return this;
    }

    int grey(int x, int y) {
        return rgb[y * stride + x * Picture.PIXEL_BYTES] & 0xff;
    }

    /** The canvas as the {@code index}-th picture of a 25 fps video. */
    Picture picture(long index) {
        return new Picture(index, index * FRAME_MS, width, height, stride, ByteBuffer.wrap(rgb).asReadOnlyBuffer());
    }
}
