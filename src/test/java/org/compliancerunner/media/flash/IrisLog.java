package org.compliancerunner.media.flash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-frame results of an IRIS expected log. Current logs rate luminance and red flashes apart
 * (FlashLuminanceFailedFrame, FlashRedFailedFrame, codes 0 Pass .. 3 FlashFail); older logs have one
 * FlashFailedFrames column with 2 for a failed frame and no warning level, so they only say failed or not.
 */
record IrisLog(List<Integer> codes, boolean failuresOnly) {

    static IrisLog read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().filter(line -> !line.isBlank()).toList();
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
        int luminance = header.indexOf("FlashLuminanceFailedFrame");
        int red = header.indexOf("FlashRedFailedFrame");
        int combined = header.indexOf("FlashFailedFrames");
        if (luminance < 0 && combined < 0) {
            throw new IllegalArgumentException(csv + " has no flash result column: " + header);
        }
        List<Integer> codes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            codes.add(luminance >= 0
                    ? Math.max(code(cells, luminance), code(cells, red))
                    : code(cells, combined));
        }
        return new IrisLog(codes, luminance < 0);
    }

    private static int code(String[] cells, int column) {
        return Integer.parseInt(cells[column].strip());
    }

    /** Whether our rating of frame {@code index} says what the log says about it. */
    boolean agrees(int index, FrameResult ours) {
        int theirs = codes.get(index);
        if (failuresOnly) {
            return (theirs >= 2) == (ours.compareTo(FrameResult.EXTENDED_FAIL) >= 0);
        }
        return theirs == ours.code();
    }
}
