package org.compliancerunner.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.compliancerunner.language.Languages;

/**
 * A parsed, versioned rule pack. {@code checksum} is the SHA-256 (hex) of the exact {@code body}, so a stored
 * version can be told apart from an edited file that forgot to bump {@code version}.
 */
public record RulePack(String name, int version, String checksum, String body, List<Rule> rules, String language) {

    public RulePack {
        rules = List.copyOf(rules);
        language = language == null ? Languages.AUTO : language;
    }

    /** A pack whose phrases are in each transcript's own language. */
    public RulePack(String name, int version, String checksum, String body, List<Rule> rules) {
        this(name, version, checksum, body, rules, Languages.AUTO);
    }

    /** The language a rule's phrases are analysed in: its own, else the pack's; "auto" means the transcript's. */
    public String languageOf(Rule rule) {
        String own = null;
        if (rule instanceof PhraseRule phrase) {
            own = phrase.language();
        } else if (rule instanceof NearRule near) {
            own = near.language();
        } else if (rule instanceof RequiredPhraseRule required) {
            own = required.language();
        }
        return own != null ? own : language;
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
