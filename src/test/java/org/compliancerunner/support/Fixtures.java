package org.compliancerunner.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared media fixtures with ground truth, read in place from ../shared/fixtures. */
public final class Fixtures {

    public static final Path ROOT = Path.of("../shared/fixtures").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** The fixture file, or the test is skipped with the reason when the fixtures are not beside the project. */
    public static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "fixture " + file + " is absent: place the shared fixtures at "
                + ROOT + " to run this test");
        return file;
    }
}
