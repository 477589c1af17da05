package org.compliancerunner.account;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * The built-in issuer's RS256 key pair, generated on first start and kept in PostgreSQL so that every replica signs
 * and verifies with the same key, and tokens survive a restart. With {@code compliance.api.signing-key-secret} set,
 * the private key is stored encrypted (AES-GCM, key derived from the secret with PBKDF2), and a key stored in the
 * clear before is encrypted on the next start. Without it, on the embedded database, a secret generated on first start
 * and kept in an owner-only file under COMPLIANCE_HOME does the same (see {@code HomeSecrets}); on a configured
 * database without a secret the key is stored in the clear, readable to anyone who can read the database.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String SETTING = "compliance.api.signing-key-secret";

    private record Stored(String kid, byte[] privateKey, byte[] publicKey, @Nullable String salt) {
    }

    private SigningKeys() {
    }

    /** The key that signs: the oldest stored one, created now if there is none; stored unencrypted without a secret. */
    static RSAKey current(JdbcClient jdbc, @Nullable String secret) {
        return current(jdbc, secret, null);
    }

    /**
     * As {@link #current(JdbcClient, String)}; a key that {@code secret} cannot open but {@code generated} (the secret
     * generated under COMPLIANCE_HOME, if any) can is encrypted again with {@code secret}: a configured secret wins.
     */
    static RSAKey current(JdbcClient jdbc, @Nullable String secret, @Nullable String generated) {
        if (secret != null && generated != null && !secret.equals(generated)) {
            Stored stored = oldest(jdbc);
            if (stored != null && stored.salt() != null && !opens(stored, secret) && opens(stored, generated)) {
                reencrypt(jdbc, stored, generated, secret);
            }
        }
        return open(jdbc, secret);
    }

    private static RSAKey open(JdbcClient jdbc, @Nullable String secret) {
        Stored stored = oldest(jdbc);
        if (stored == null) {
            KeyPair pair = generate();
            String salt = secret == null ? null : KeyGenerators.string().generateKey();
            // two replicas starting together both insert; both then read the same oldest row
            jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key, salt) VALUES (:kid, :private, :public, :salt) "
                            + "ON CONFLICT DO NOTHING")
                    .param("kid", UUID.randomUUID().toString())
                    .param("private", salt == null ? pair.getPrivate().getEncoded()
                            : Encryptors.stronger(secret, salt).encrypt(pair.getPrivate().getEncoded()))
                    .param("public", pair.getPublic().getEncoded())
                    .param("salt", salt)
                    .update();
            stored = oldest(jdbc);
        }
        if (stored.salt() == null) {
            if (secret == null) {
                log.warn("The token signing key is stored unencrypted in the database; set {} to encrypt it", SETTING);
            } else {
                encryptInPlace(jdbc, stored, secret);
            }
            return rsaKey(stored.kid(), stored.privateKey(), stored.publicKey());
        }
        if (secret == null) {
            throw new SigningKeyUnreadableException("the token signing key " + stored.kid() + " is stored encrypted: set "
                    + SETTING + " to the secret it was stored with", null);
        }
        return rsaKey(stored.kid(), decrypt(stored, secret), stored.publicKey());
    }

    private static void encryptInPlace(JdbcClient jdbc, Stored stored, String secret) {
        String salt = KeyGenerators.string().generateKey();
        int updated = jdbc.sql("UPDATE signing_keys SET private_key = :private, salt = :salt WHERE kid = :kid AND salt IS NULL")
                .param("private", Encryptors.stronger(secret, salt).encrypt(stored.privateKey()))
                .param("salt", salt)
                .param("kid", stored.kid())
                .update();
        if (updated == 1) {
            log.info("Encrypted the stored token signing key {} with {}", stored.kid(), SETTING);
        }
    }

    private static boolean opens(Stored stored, String secret) {
        try {
            Encryptors.stronger(secret, stored.salt()).decrypt(stored.privateKey());
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void reencrypt(JdbcClient jdbc, Stored stored, String from, String to) {
        String salt = KeyGenerators.string().generateKey();
        int updated = jdbc.sql("UPDATE signing_keys SET private_key = :private, salt = :salt WHERE kid = :kid AND salt = :old")
                .param("private", Encryptors.stronger(to, salt).encrypt(decrypt(stored, from)))
                .param("salt", salt)
                .param("old", stored.salt())
                .param("kid", stored.kid())
                .update();
        if (updated == 1) {
            log.info("Encrypted the token signing key {} with {} instead of the generated secret", stored.kid(), SETTING);
        }
    }

    private static byte[] decrypt(Stored stored, String secret) {
        try {
            return Encryptors.stronger(secret, stored.salt()).decrypt(stored.privateKey());
        } catch (IllegalStateException e) {
            throw new SigningKeyUnreadableException(SETTING + " does not decrypt the stored token signing key "
                    + stored.kid() + ": set it to the secret the key was stored with", e);
        }
    }

    private static @Nullable Stored oldest(JdbcClient jdbc) {
        return jdbc.sql("SELECT kid, private_key, public_key, salt FROM signing_keys ORDER BY created_at, kid LIMIT 1")
                .query((rs, n) -> new Stored(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key"),
                        rs.getString("salt")))
                .optional().orElse(null);
    }

    private static RSAKey rsaKey(String kid, byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the stored signing key " + kid + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
