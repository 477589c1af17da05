package org.compliancerunner.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rule packs for the rest of the application: parse a file or text, the built-in default pack, and the store of
 * versions that triggers refer to. A stored version never changes: the same name and version must have the same
 * body, so a trigger's (pack, version) always means one set of rules.
 */
@Service
public class RulePacks {

    private final JdbcClient jdbc;
    private final RulePackParser parser;

    public RulePacks(JdbcClient jdbc, RulePackParser parser) {
        this.jdbc = jdbc;
        this.parser = parser;
    }

    public RulePack parse(Path file) throws RulePackException {
        return parser.parse(file);
    }

    public RulePack parse(String body, String origin) throws RulePackException {
        return parser.parse(body, origin);
    }

    /** The pack shipped with the application. */
    public RulePack defaultPack() {
        return parser.defaultPack();
    }

    /**
     * Stores the pack's version; registering the same body again returns the stored pack, so retries and
     * concurrent sweeps are harmless. A different body under a stored version is refused.
     */
    public RulePack register(RulePack pack) throws RulePackException {
        // insert first and compare after, so two concurrent registrations cannot both "win"
        jdbc.sql("""
                        INSERT INTO rule_packs (name, version, checksum, body)
                        VALUES (:name, :version, :checksum, :body)
                        ON CONFLICT (name, version) DO NOTHING""")
                .param("name", pack.name())
                .param("version", pack.version())
                .param("checksum", pack.checksum())
                .param("body", pack.body())
                .update();
        String stored = storedChecksum(pack.name(), pack.version())
                .orElseThrow(() -> new IllegalStateException("rule pack " + label(pack.name(), pack.version())
                        + " vanished right after it was stored"));
        if (!stored.equals(pack.checksum())) {
            throw new RulePackException(label(pack.name(), pack.version()), List.of(
                    "version " + pack.version() + " is already stored with a different body (sha256 " + stored
                            + ", this file has " + pack.checksum() + "); bump version: to store the changed rules"));
        }
        return load(pack.name(), pack.version());
    }

    /** A stored version, parsed from the body stored with it. */
    public RulePack load(String name, int version) throws RulePackException {
        Optional<String> body = jdbc.sql("SELECT body FROM rule_packs WHERE name = :name AND version = :version")
                .param("name", name)
                .param("version", version)
                .query(String.class)
                .optional();
        if (body.isEmpty()) {
            throw new RulePackException(label(name, version), List.of("no such rule pack version is stored; "
                    + "register the pack file with this name and version first"));
        }
        return parser.parse(body.get(), "rule_packs " + label(name, version));
    }

    private Optional<String> storedChecksum(String name, int version) {
        return jdbc.sql("SELECT checksum FROM rule_packs WHERE name = :name AND version = :version")
                .param("name", name)
                .param("version", version)
                .query(String.class)
                .optional();
    }

    private static String label(String name, int version) {
        return name + "@" + version;
    }
}
