package org.compliancerunner.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.compliancerunner.config.ComplianceProperties;
import org.springframework.stereotype.Component;

/**
 * The allow-list of directories ingest may read. A path is checked after resolving {@code ..} and every
 * symbolic link, so neither can lead outside the roots. compliance-runner's own state under $COMPLIANCE_HOME
 * (uploads, downloads, the embedded database, keys) is never media, even when a root contains it: only
 * $COMPLIANCE_HOME/media is.
 */
@Component
public class MediaRoots {

    static final String PROPERTY = "compliance.media.roots";

    private final List<Path> configured;
    private final Path home;
    private final Path mediaHome;

    public MediaRoots(MediaProperties media, ComplianceProperties compliance) {
        List<Path> roots = media.roots().isEmpty()
                ? List.of(Path.of("").toAbsolutePath(), compliance.mediaHome())
                : media.roots();
        this.configured = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
        this.home = compliance.home();
        this.mediaHome = compliance.mediaHome();
    }

    /** The roots as configured, for the operator's own messages; never for a remote caller's. */
    public List<Path> roots() {
        return configured;
    }

    /**
     * The real path of {@code input} if it exists and lies under a root.
     *
     * @throws IngestRefusedException saying only "not allowed or not found", so that the answer tells nothing about
     *                                what exists outside the roots, where a link leads or what the roots are
     */
    public Path require(String input) throws IngestRefusedException {
        return allowed(Path.of(input)).orElseThrow(() -> notAllowed(input));
    }

    /** The real path of {@code path} if it exists, is readable and lies under a root; empty otherwise. */
    public Optional<Path> allowed(Path path) {
        Path real;
        try {
            real = path.toAbsolutePath().normalize().toRealPath();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (isOwnState(real)) {
            return Optional.empty();
        }
        return realRoots().stream().anyMatch(real::startsWith) ? Optional.of(real) : Optional.empty();
    }

    static IngestRefusedException notAllowed(String input) {
        return new IngestRefusedException(input + ": not allowed or not found (only existing files under " + PROPERTY
                + " can be registered)");
    }

    private boolean isOwnState(Path real) {
        Optional<Path> realHome = realPath(home);
        if (realHome.isEmpty() || !real.startsWith(realHome.get())) {
            return false;
        }
        return realPath(mediaHome).map(media -> !real.startsWith(media)).orElse(true);
    }

    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>();
        for (Path root : configured) {
            realPath(root).ifPresent(real::add);
        }
        return real;
    }

    private static Optional<Path> realPath(Path path) {
        try {
            // an absent or unreadable root allows nothing
            return Files.exists(path) ? Optional.of(path.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
