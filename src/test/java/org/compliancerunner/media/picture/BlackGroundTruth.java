package org.compliancerunner.media.picture;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compliancerunner.media.Interval;
import org.compliancerunner.support.Fixtures;

/**
 * The black intervals that ffmpeg's blackdetect found in the shared video fixtures, read from the fixtures'
 * MANIFEST.tsv, so the tests follow the manifest rather than a copy of its numbers.
 *
 * @param fps stated frame rate, when the manifest states one
 */
record BlackGroundTruth(Path video, List<Interval> black, OptionalDouble fps) {

    static final Path FIXTURES = Fixtures.ROOT.resolve("video");

    private static final Pattern BLACK = Pattern.compile("black ((?:\\d+(?:\\.\\d+)?-\\d+(?:\\.\\d+)?(?:, )?)+) s");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)");
    private static final Pattern FPS = Pattern.compile("(\\d+(?:\\.\\d+)?) fps");

    /** Every fixture whose manifest row states blackdetect intervals; skips the caller when the fixtures are absent. */
    static List<BlackGroundTruth> all() throws IOException {
        Path manifest = Fixtures.require("video/MANIFEST.tsv");
        List<BlackGroundTruth> rows = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] columns = line.split("\t");
            String groundTruth = columns[columns.length - 1];
            Matcher black = BLACK.matcher(groundTruth);
            if (columns.length < 2 || !groundTruth.contains("blackdetect") || !black.find()) {
                continue;
            }
            Matcher fps = FPS.matcher(groundTruth);
            rows.add(new BlackGroundTruth(FIXTURES.resolve(columns[0]), intervals(black.group(1)),
                    fps.find() ? OptionalDouble.of(Double.parseDouble(fps.group(1))) : OptionalDouble.empty()));
        }
        return rows;
    }

    private static List<Interval> intervals(String ranges) {
        List<Interval> intervals = new ArrayList<>();
        Matcher range = RANGE.matcher(ranges);
        while (range.find()) {
            intervals.add(new Interval(millis(range.group(1)), millis(range.group(2))));
        }
        return intervals;
    }

    private static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }
}
