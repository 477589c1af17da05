package org.compliancerunner.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared media and text fixtures with ground truth, read in place from ../shared/fixtures: the one way tests find
 * them. A missing fixture skips the test with the reason printed, except under {@code CI=true}, where a reference
 * test that did not run must not pass: there it fails and names the script that fetches the fixtures.
 */
public final class Fixtures {

    public static final Path ROOT = Path.of("../shared/fixtures").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** The fixture file ({@code video/fades.mp4}); the test is skipped, or under CI fails, when it is absent. */
    public static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        if (!Files.isRegularFile(file)) {
            String reason = "fixture " + file + " is absent: run scripts/fetch-fixtures (see ../shared/fixtures/README.md)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true: " + reason);
            }
            skipUnless(false, reason);
        }
        return file;
    }

    /** Skips the calling test with a reason that is printed as well as recorded in the test report. */
    public static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED: " + reason);
        }
        assumeTrue(condition, "skipped: " + reason);
    }
}
