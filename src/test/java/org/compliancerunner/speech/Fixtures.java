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
        assumeTrue(Files.isRegularFile(file),
                () -> "skipped: fixture " + file.toAbsolutePath() + " is absent (see ../shared/fixtures/README.md)");
        return file;
    }
}
