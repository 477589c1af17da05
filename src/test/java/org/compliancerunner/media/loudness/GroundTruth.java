package org.compliancerunner.media.loudness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fixture's {@code ground_truth} text in the shared MANIFEST.tsv says the meter must read. Values of the
 * authoritative source (EBU Tech 3341/3342, ITU BS.2217, pyloudnorm) come before {@code ||}; what ffmpeg measured
 * comes after, and is used only when the authoritative part gives no value.
 */
record GroundTruth(List<Expectation> expectations, boolean authoritative) {

    enum Quantity { I, M, S, LRA, TP }

    /** An expected value and how far above and below it the meter may read. */
    record Expectation(Quantity quantity, double value, double above, double below) {

        boolean accepts(double measured) {
            return measured <= value + above && measured >= value - below;
        }

        @Override
        public String toString() {
            return quantity + " " + value + (above == below ? " ±" + above : " +" + above + "/−" + below);
        }
    }

    private static final String NUMBER = "([-+]?\\d+(?:\\.\\d+)?)";
    // "I = -23.0", "M, S and I = -23.0"
    private static final Pattern LETTERS = Pattern.compile("\\b((?:[MSI], )*[MSI](?: and [MSI])?) = " + NUMBER);
    private static final Pattern MOMENTARY = Pattern.compile("max momentary \\(M\\) loudness = " + NUMBER);
    private static final Pattern SHORT_TERM = Pattern.compile("max short-term \\(S\\) loudness = " + NUMBER);
    private static final Pattern TRUE_PEAK = Pattern.compile("max true peak = " + NUMBER + " dBTP");
    private static final Pattern RANGE = Pattern.compile("\\bLRA = " + NUMBER);
    private static final Pattern FFMPEG = Pattern.compile(
            "I=" + NUMBER + " LUFS, LRA=" + NUMBER + " LU, true-peak=" + NUMBER + " dBTP, max M=" + NUMBER
                    + " LUFS, max S=" + NUMBER + " LUFS");

    static GroundTruth parse(String text) {
        String[] parts = text.split("\\|\\|");
        List<Expectation> expectations = authoritative(parts[0]);
        if (!expectations.isEmpty() || parts.length < 2) {
            return new GroundTruth(expectations, true);
        }
        return new GroundTruth(ffmpeg(parts[1]), false);
    }

    /** EBU Tech 3341/3342 tolerances: ±0.1 LU for I, M, S; ±1 LU for LRA; +0.2/−0.4 dB for true peak. */
    private static List<Expectation> authoritative(String text) {
        List<Expectation> expectations = new ArrayList<>();
        Matcher letters = LETTERS.matcher(text);
        while (letters.find()) {
            double value = Double.parseDouble(letters.group(2));
            for (String letter : letters.group(1).split(", | and ")) {
                expectations.add(new Expectation(Quantity.valueOf(letter), value, 0.1, 0.1));
            }
        }
        find(MOMENTARY, text).ifPresent(v -> expectations.add(new Expectation(Quantity.M, v, 0.1, 0.1)));
        find(SHORT_TERM, text).ifPresent(v -> expectations.add(new Expectation(Quantity.S, v, 0.1, 0.1)));
        find(TRUE_PEAK, text).ifPresent(v -> expectations.add(new Expectation(Quantity.TP, v, 0.2, 0.4)));
        find(RANGE, text).ifPresent(v -> expectations.add(new Expectation(Quantity.LRA, v, 1.0, 1.0)));
        return expectations;
    }

    /**
     * ffmpeg's ebur128 values are another meter's reading printed to 0.1: each loudness may be off by its own
     * ±0.1 tolerance plus 0.05 of rounding, and its true peak comes from a different interpolator.
     */
    private static List<Expectation> ffmpeg(String text) {
        Matcher m = FFMPEG.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        return List.of(
                new Expectation(Quantity.I, Double.parseDouble(m.group(1)), 0.25, 0.25),
                new Expectation(Quantity.LRA, Double.parseDouble(m.group(2)), 1.0, 1.0),
                new Expectation(Quantity.TP, Double.parseDouble(m.group(3)), 0.5, 0.5),
                new Expectation(Quantity.M, Double.parseDouble(m.group(4)), 0.25, 0.25),
                new Expectation(Quantity.S, Double.parseDouble(m.group(5)), 0.25, 0.25));
    }

    private static Optional<Double> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }
}
