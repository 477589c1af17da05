package org.compliancerunner.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.junit.jupiter.api.Test;

/** The pixel layout the scaler writes and the analyzers read: red, green, blue, one unused byte; rows padded. */
class PictureTest {

    @Test
    void pixelsReadAsIntsGiveEachChannelAndRowsStartAtTheStride() {
        int stride = 3 * Picture.PIXEL_BYTES; // two pixels and one pixel of padding per row
        byte[] bytes = {
            10, 20, 30, 0, (byte) 200, 1, 2, 0, 99, 99, 99, 99,
            7, 8, 9, 0, 0, 0, (byte) 255, 0, 99, 99, 99, 99};
        Picture picture = new Picture(0, 0, 2, 2, stride, ByteBuffer.wrap(bytes).asReadOnlyBuffer());

        IntBuffer pixels = picture.pixels();
        int[] secondRow = new int[2];
        pixels.get(stride / Picture.PIXEL_BYTES, secondRow, 0, 2);

        int first = pixels.get(0);
        assertThat(new int[] {Picture.redOf(first), Picture.greenOf(first), Picture.blueOf(first)})
                .containsExactly(10, 20, 30);
        assertThat(new int[] {Picture.redOf(pixels.get(1)), Picture.greenOf(pixels.get(1)), Picture.blueOf(pixels.get(1))})
                .containsExactly(200, 1, 2);
        assertThat(new int[] {Picture.redOf(secondRow[0]), Picture.blueOf(secondRow[1])}).containsExactly(7, 255);
        assertThat(picture.red(1, 0)).isEqualTo(200);
        assertThat(picture.blue(1, 1)).isEqualTo(255);
        // BT.601 luma × 256 of each pixel, the padding left out
        assertThat(picture.luma()).containsExactly(77 * 10 + 150 * 20 + 29 * 30, 77 * 200 + 150 + 29 * 2,
                77 * 7 + 150 * 8 + 29 * 9, 29 * 255);
    }
}
