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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The built-in issuer's RS256 key pair, generated on first start and kept in PostgreSQL so that every replica signs
 * and verifies with the same key, and tokens survive a restart.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    /** The key that signs: the oldest stored one, created now if there is none. */
    static RSAKey current(JdbcClient jdbc) {
        var stored = oldest(jdbc);
        if (stored != null) {
            return stored;
        }
        KeyPair pair = generate();
        // two replicas starting together both insert; both then read the same oldest row
        jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key) VALUES (:kid, :private, :public) "
                        + "ON CONFLICT DO NOTHING")
                .param("kid", UUID.randomUUID().toString())
                .param("private", pair.getPrivate().getEncoded())
                .param("public", pair.getPublic().getEncoded())
                .update();
        return oldest(jdbc);
    }

    private static RSAKey oldest(JdbcClient jdbc) {
        return jdbc.sql("SELECT kid, private_key, public_key FROM signing_keys ORDER BY created_at, kid LIMIT 1")
                .query((rs, n) -> rsaKey(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key")))
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
