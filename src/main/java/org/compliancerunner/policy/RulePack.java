package org.compliancerunner.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A parsed, versioned rule pack. {@code checksum} is the SHA-256 (hex) of the exact {@code body}, so a stored
 * version can be told apart from an edited file that forgot to bump {@code version}.
 */
public record RulePack(String name, int version, String checksum, String body, List<Rule> rules) {

    public RulePack {
        rules = List.copyOf(rules);
    }

    /** SHA-256 hex of the body's UTF-8 bytes. */
    public static String checksumOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
