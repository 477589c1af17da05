package org.compliancerunner.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.config.ComplianceProperties;
import org.springframework.stereotype.Component;

/**
 * The allow-list of directories ingest may read. A path is checked after resolving {@code ..} and every
 * symbolic link, so neither can lead outside the roots.
 */
@Component
public class MediaRoots {

    static final String PROPERTY = "compliance.media.roots";

    private final List<Path> configured;

    public MediaRoots(MediaProperties media, ComplianceProperties compliance) {
        List<Path> roots = media.roots().isEmpty()
                ? List.of(Path.of("").toAbsolutePath(), compliance.mediaHome())
                : media.roots();
        this.configured = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    /** The roots as configured, for messages. */
    public List<Path> roots() {
        return configured;
    }

    /**
     * The real path of {@code input} if it exists and lies under a root.
     *
     * @throws IngestRefusedException naming the path and the property when it does not
     */
    public Path require(String input) throws IngestRefusedException {
        Path asGiven = Path.of(input).toAbsolutePath().normalize();
        Path real;
        try {
            real = asGiven.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IngestRefusedException(input + ": no such file or directory");
        } catch (IOException e) {
            throw new IngestRefusedException(input + ": cannot be read (" + e.getMessage() + ")");
        }
        for (Path root : realRoots()) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        String resolved = real.equals(asGiven) ? "" : " (resolves to " + real + ")";
        throw new IngestRefusedException(input + resolved + " is outside the allowed media roots " + configured
                + "; add its directory to " + PROPERTY + " (COMPLIANCE_MEDIA_ROOTS) to allow it");
    }

    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>();
        for (Path root : configured) {
            try {
                if (Files.exists(root)) {
                    real.add(root.toRealPath());
                }
            } catch (IOException e) {
                // an unreadable root allows nothing
            }
        }
        return real;
    }
}
