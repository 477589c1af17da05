package org.compliancerunner.media.flash;

import java.nio.ByteBuffer;

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

    private byte[] row = new byte[0];
    // per pixel, the previous picture's values until the next one overwrites them as it compares
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
        ByteBuffer rgb = picture.rgb();
        int stride = picture.stride();
        if (row.length != width * 3) {
            row = new byte[width * 3];
        }
        double luminanceSum = 0;
        double redSum = 0;
        int lumChanges = 0;
        int redChanges = 0;
        int i = 0;
        for (int y = 0; y < height; y++) {
            // one bulk copy per row: a get per byte costs more than the arithmetic
            rgb.get(y * stride, row, 0, row.length);
            for (int at = 0; at < row.length; i++, at += 3) {
                float r = LinearLight.of(row[at] & 0xff);
                float g = LinearLight.of(row[at + 1] & 0xff);
                float b = LinearLight.of(row[at + 2] & 0xff);
                float y709 = 0.2126f * r + 0.7152f * g + 0.0722f * b;
                float sum = r + g + b;
                // only pixels dominated by red count, and only by how much red exceeds the other two; every such
                // pixel has R ≥ 4 (G + B), so the cheap first test spares the division for all the others
                float redValue = 0f;
                if (r >= 3.9f * (g + b) && sum > 0 && r / sum >= RED_SHARE) {
                    redValue = Math.max(0f, (r - g - b) * RED_SCALE);
                }
                luminanceSum += y709;
                redSum += redValue;
                // counted without a branch: whether a pixel changed is a coin toss in moving pictures
                lumChanges += y709 != luminance[i] ? 1 : 0;
                redChanges += redValue != red[i] ? 1 : 0;
                luminance[i] = y709;
                red[i] = redValue;
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
