package org.compliancerunner.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refresh tokens: random, stored only as hashes, valid for one use. Using one returns a new one of the same family;
 * using a token that was already used means it was stolen (or the client is broken), so the whole family is revoked,
 * and with it every access token of that login (they name it as {@code sid}, see {@link LoginSessions}).
 */
@Service
public class RefreshTokens {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Duration ttl;
    private final LoginSessions sessions;

    RefreshTokens(JdbcClient jdbc, @Qualifier("transactionManager") PlatformTransactionManager transactions,
                  TokenProperties properties, LoginSessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
        this.ttl = properties.refreshTokenTtl();
    }

    /**
     * What a refresh did: the user, their login (the family, which access tokens name as {@code sid}) and new token,
     * or why there is none; {@code revoked} when this refresh revoked the login.
     */
    public record Rotation(@Nullable String username, @Nullable UUID login, @Nullable String token,
                           @Nullable String refusal, boolean revoked) {
    }

    /** A refresh token and the login it starts. */
    public record Issued(String token, UUID login) {
    }

    /** A new token starting a new family, for a fresh login. */
    public Issued issue(String username) {
        UUID family = UUID.randomUUID();
        return new Issued(insert(username, family), family);
    }

    /** Exchanges a token for a new one of the same family. */
    public Rotation rotate(String token) {
        Rotation rotation = rotateInTransaction(token);
        if (rotation.revoked()) {
            sessions.forgetLogin(rotation.login()); // after the commit, so no request caches the login as live again
        }
        return rotation;
    }

    private Rotation rotateInTransaction(String token) {
        return transaction.execute(status -> {
            Optional<Row> row = jdbc.sql("""
                            SELECT id, family, username, expires_at < now() AS expired, rotated_at IS NOT NULL AS rotated,
                                   revoked_at IS NOT NULL AS revoked
                            FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
                    .param("hash", hash(token))
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("family", UUID.class),
                            rs.getString("username"), rs.getBoolean("expired"), rs.getBoolean("rotated"),
                            rs.getBoolean("revoked")))
                    .optional();
            if (row.isEmpty()) {
                return refused("unknown refresh token");
            }
            Row found = row.get();
            if (found.revoked()) {
                return refused("refresh token revoked; log in again");
            }
            if (found.rotated()) {
                jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family = :family AND revoked_at IS NULL")
                        .param("family", found.family()).update();
                return new Rotation(null, found.family(), null,
                        "refresh token already used; every token of this login is revoked, log in again", true);
            }
            if (found.expired()) {
                return refused("refresh token expired; log in again");
            }
            jdbc.sql("UPDATE refresh_tokens SET rotated_at = now() WHERE id = :id").param("id", found.id()).update();
            return new Rotation(found.username(), found.family(), insert(found.username(), found.family()), null, false);
        });
    }

    private static Rotation refused(String why) {
        return new Rotation(null, null, null, why, false);
    }

    private String insert(String username, UUID family) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO refresh_tokens (token_hash, family, username, expires_at)
                        VALUES (:hash, :family, :username, now() + make_interval(secs => :seconds))""")
                .param("hash", hash(token)).param("family", family).param("username", username)
                .param("seconds", (double) ttl.toSeconds())
                .update();
        return token;
    }

    // a random 256-bit token needs no slow hash: there is nothing to guess
    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(long id, UUID family, String username, boolean expired, boolean rotated, boolean revoked) {
    }
}
