package org.compliancerunner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/** Secrets and directories under COMPLIANCE_HOME that only the user running compliance-runner may read or change. */
public final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OwnerOnlyFiles() {
    }

    /**
     * The secret kept in the file, made on first use: 256 random bits, URL-safe base64. Processes starting together
     * on one home all get the one that was written first.
     */
    public static String secret(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            restrict(file, OWNER_FILE);
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it only together with what it protects");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the directory for the owner only, or takes group and world write access from an existing one. */
    static void directory(Path directory, boolean ownerOnly) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (POSIX) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(directory));
        Set<PosixFilePermission> wanted = ownerOnly ? OWNER_DIRECTORY : EnumSet.copyOf(permissions);
        if (!ownerOnly) {
            wanted.removeAll(EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
        }
        if (!wanted.equals(permissions)) {
            Files.setPosixFilePermissions(directory, wanted);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Path temporary = POSIX
                ? Files.createTempFile(file.getParent(), ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(file.getParent(), ".secret", ".tmp");
        try {
            Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n",
                    StandardCharsets.US_ASCII);
            // a hard link never replaces: whoever links first wins, and the file is whole when it appears
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // another process on this home was first
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(file).equals(permissions)) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }
}
