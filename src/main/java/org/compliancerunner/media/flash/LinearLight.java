package org.compliancerunner.media.flash;

/** The sRGB transfer curve undone for every 8-bit code value, so a pixel's linear light is one table look-up. */
final class LinearLight {

    private static final float[] OF_CODE = new float[256];

    static {
        for (int code = 0; code < 256; code++) {
            double v = code / 255.0;
            OF_CODE[code] = (float) (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        }
    }

    private LinearLight() {
    }

    /** Linear light, 0..1, of an sRGB code value 0..255. */
    static float of(int code) {
        return OF_CODE[code];
    }
}
