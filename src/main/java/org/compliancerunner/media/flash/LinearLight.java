package org.compliancerunner.media.flash;

/** The sRGB transfer curve undone for every 8-bit code value, so a pixel's linear light is one table look-up. */
final class LinearLight {

    private static final float[] OF_CODE = new float[256];
    // each channel's share of BT.709 relative luminance, weighted in advance: the same float products, fewer steps
    private static final float[] RED_LUMINANCE = new float[256];
    private static final float[] GREEN_LUMINANCE = new float[256];
    private static final float[] BLUE_LUMINANCE = new float[256];

    static {
        for (int code = 0; code < 256; code++) {
            double v = code / 255.0;
            OF_CODE[code] = (float) (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
            RED_LUMINANCE[code] = 0.2126f * OF_CODE[code];
            GREEN_LUMINANCE[code] = 0.7152f * OF_CODE[code];
            BLUE_LUMINANCE[code] = 0.0722f * OF_CODE[code];
        }
    }

    private LinearLight() {
    }

    /** Linear light, 0..1, of an sRGB code value 0..255. */
    static float of(int code) {
        return OF_CODE[code];
    }

    /** Red's part of the relative luminance (BT.709: 0.2126 R + 0.7152 G + 0.0722 B) for a red code value. */
    static float redLuminance(int code) {
        return RED_LUMINANCE[code];
    }

    static float greenLuminance(int code) {
        return GREEN_LUMINANCE[code];
    }

    static float blueLuminance(int code) {
        return BLUE_LUMINANCE[code];
    }
}
