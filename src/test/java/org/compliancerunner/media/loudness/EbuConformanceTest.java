package org.compliancerunner.media.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every audio fixture listed in the shared loudness MANIFEST.tsv, measured through the real decode pass against
 * the ground truth its row states; a fixture added to the manifest is tested without new code.
 */
class EbuConformanceTest {

    static final Path DIRECTORY = Fixtures.ROOT.resolve("loudness");
    private static final Path MANIFEST = DIRECTORY.resolve("MANIFEST.tsv");

    private final MediaDecoder decoder = new MediaDecoder();

    @TestFactory
    Stream<DynamicTest> eachFixtureReadsWithinTheToleranceOfItsGroundTruth() throws IOException {
        Fixtures.require("loudness/MANIFEST.tsv");
        return rows().stream()
                .filter(row -> row.file().matches("(?i).*\\.(wav|flac)"))
                .map(row -> DynamicTest.dynamicTest(row.file(), () -> check(row)));
    }

    private void check(Row row) throws Exception {
        Path file = Fixtures.require("loudness/" + row.file());
        GroundTruth truth = GroundTruth.parse(row.groundTruth());
        assertThat(truth.expectations()).as("values stated in the ground truth of %s", row.file()).isNotEmpty();

        LoudnessMeter meter = new LoudnessMeter();
        decoder.decode(file, List.of(meter));
        Loudness measured = meter.result();

        SoftAssertions softly = new SoftAssertions();
        List<String> report = new ArrayList<>();
        for (GroundTruth.Expectation expected : truth.expectations()) {
            double value = value(measured, expected.quantity());
            report.add(String.format(Locale.ROOT, "%s %.2f (expected %s)", expected.quantity(), value, expected));
            softly.assertThat(expected.accepts(value))
                    .as("%s of %s: measured %.3f, expected %s", expected.quantity(), row.file(), value, expected)
                    .isTrue();
        }
        System.out.printf("%s [%s] %s%n", row.file(), truth.authoritative() ? "authoritative" : "ffmpeg",
                String.join("; ", report));
        softly.assertAll();
    }

    private static double value(Loudness loudness, GroundTruth.Quantity quantity) {
        return switch (quantity) {
            case I -> loudness.integrated();
            case M -> loudness.momentaryMax();
            case S -> loudness.shortTermMax();
            case LRA -> loudness.range();
            case TP -> loudness.truePeak();
        };
    }

    private record Row(String file, String groundTruth) {
    }

    private static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(MANIFEST);
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        int file = header.indexOf("file");
        int truth = header.indexOf("ground_truth");
        assertThat(file).as("manifest column 'file'").isNotNegative();
        assertThat(truth).as("manifest column 'ground_truth'").isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length > Math.max(file, truth)) {
                rows.add(new Row(cells[file], cells[truth]));
            }
        }
        return rows;
    }
}
