package org.compliancerunner.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.Fixtures;

/** Broken uploads written into a test's temporary directory. */
final class BrokenFiles {

    private BrokenFiles() {
    }

    /** The first 60% of autocut_test001.mp4: its moov atom, at the end, is gone. */
    static Path truncatedAutocut(Path dir) throws IOException {
        Path truncated = dir.resolve("cut-off.mp4");
        SampleMedia.writeTruncated(Fixtures.require("video/autocut_test001.mp4"), truncated, 0.6);
        return truncated;
    }

    /** Random bytes under a video's name. */
    static Path noise(Path dir) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("noise.mp4"), bytes);
    }
}
