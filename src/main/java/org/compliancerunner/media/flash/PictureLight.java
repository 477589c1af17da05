package org.compliancerunner.media.flash;

import java.nio.IntBuffer;

import org.compliancerunner.media.Picture;

/**
 * Per-pixel relative luminance and saturated-red value of the latest picture and the one before, with their frame
 * means and how many pixels changed between the two: the numbers BT.1702 judges a flash by.
 */
final class PictureLight {

    /** Saturated red is R / (R + G + B) at or above this share, in linear light (IRIS, Ofcom). */
    private static final float RED_SHARE = 0.8f;
    /** Scales (R − G − B) so saturated-red differences compare with IRIS's threshold of 20. */
    private static final float RED_SCALE = 320f;

    /** Red, green and blue of a pixel read from {@link Picture#pixels()}, without the unused byte. */
    private static final int RGB = 0xffffff;

    private int[] row = new int[0];
    // per pixel, the previous picture's pixel and values until the next one overwrites them as it compares; all
    // zero (black, no light) before the first
    private int[] previous = new int[0];
    private float[] luminance = new float[0];
    private float[] red = new float[0];
    private int pixels;
    private boolean comparable;
    private float luminanceMean;
    private float previousLuminanceMean;
    private float redMean;
    private float previousRedMean;
    private int luminanceChanged;
    private int redChanged;

    /** Takes the next picture; the previous one becomes what it is compared with. */
    void take(Picture picture) {
        int width = picture.width();
        int height = picture.height();
        comparable = width * height == pixels && pixels > 0;
        if (!comparable) {
            resize(width * height);
        }
        IntBuffer rows = picture.pixels();
        if (row.length != width) {
            row = new int[width];
        }
        // locals, as the JIT that analyze runs with would otherwise load each field again for every pixel
        int[] row = this.row;
        int[] previous = this.previous;
        float[] luminance = this.luminance;
        float[] red = this.red;
        double luminanceSum = 0;
        double redSum = 0;
        int lumChanges = 0;
        int redChanges = 0;
        int i = 0;
        for (int y = 0; y < height; y++) {
            rows.get(picture.rowStart(y), row, 0, width);
            for (int x = 0; x < width; x++, i++) {
                int pixel = row[x] & RGB;
                if (pixel == previous[i]) {
                    // the same pixel has the same light: stills, graphics and letterboxing cost a comparison each
                    luminanceSum += luminance[i];
                    redSum += red[i];
                    continue;
                }
                previous[i] = pixel;
                int redCode = Picture.redOf(pixel);
                int greenCode = Picture.greenOf(pixel);
                int blueCode = Picture.blueOf(pixel);
                float y709 = LinearLight.redLuminance(redCode) + LinearLight.greenLuminance(greenCode)
                        + LinearLight.blueLuminance(blueCode);
                luminanceSum += y709;
                if (y709 != luminance[i]) {
                    lumChanges++;
                    luminance[i] = y709;
                }
                // only pixels dominated by red count, and only by how much red exceeds the other two; such a pixel
                // has the largest code value of the three, so the others skip the look-ups and the division
                float redValue = 0f;
                if (redCode > greenCode && redCode > blueCode) {
                    float r = LinearLight.of(redCode);
                    float g = LinearLight.of(greenCode);
                    float b = LinearLight.of(blueCode);
                    float sum = r + g + b;
                    if (r >= 3.9f * (g + b) && r / sum >= RED_SHARE) {
                        redValue = Math.max(0f, (r - g - b) * RED_SCALE);
                    }
                }
                redSum += redValue;
                if (redValue != red[i]) {
                    redChanges++;
                    red[i] = redValue;
                }
            }
        }
        previousLuminanceMean = luminanceMean;
        previousRedMean = redMean;
        luminanceMean = (float) (luminanceSum / pixels);
        redMean = (float) (redSum / pixels);
        luminanceChanged = comparable ? lumChanges : 0;
        redChanged = comparable ? redChanges : 0;
    }

    private void resize(int size) {
        pixels = size;
        previous = new int[size];
        luminance = new float[size];
        red = new float[size];
    }

    int pixels() {
        return pixels;
    }

    float luminanceMean() {
        return luminanceMean;
    }

    float previousLuminanceMean() {
        return previousLuminanceMean;
    }

    float redMean() {
        return redMean;
    }

    float previousRedMean() {
        return previousRedMean;
    }

    /** Pixels whose luminance differs from the previous picture's; 0 when there is nothing comparable before. */
    int luminanceChanged() {
        return luminanceChanged;
    }

    int redChanged() {
        return redChanged;
    }
}
