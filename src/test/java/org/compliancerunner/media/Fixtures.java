package org.compliancerunner.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared media fixtures, read in place; a test that needs an absent one is skipped and says why. */
final class Fixtures {

    static final Path ROOT = Path.of("../shared/fixtures").toAbsolutePath().normalize();

    private Fixtures() {
    }

    static Path video(String name) {
        return existing(ROOT.resolve("video").resolve(name));
    }

    static Path speech(String name) {
        return existing(ROOT.resolve("speech").resolve(name));
    }

    private static Path existing(Path file) {
        assumeTrue(Files.isRegularFile(file), () -> "fixture " + file + " is absent: see ../shared/fixtures/README.md");
        return file;
    }
}
