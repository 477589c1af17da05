package org.compliancerunner.speech;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared read-only test media, resolved from the project root; tests are skipped when they are absent. */
final class Fixtures {

    static final Path ROOT = Path.of("../shared/fixtures");

    private Fixtures() {
    }

    static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        skipUnless(Files.isRegularFile(file),
                "fixture " + file.toAbsolutePath().normalize() + " is absent (see ../shared/fixtures/README.md)");
        return file;
    }

    /** Skips the calling test with a reason that is printed as well as recorded in the test report. */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED: " + reason);
        }
        assumeTrue(condition, "skipped: " + reason);
    }
}
