package org.compliancerunner.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether an access token of the built-in issuer still speaks for someone: its user exists, is enabled and has the
 * role the token claims, and its login (the refresh-token family named by the {@code sid} claim) was not revoked.
 * Answers are reused for {@code compliance.api.accounts.recheck} so a busy client costs no query per request; changes
 * made in this process are seen at once.
 */
@Service
public class LoginSessions {

    private static final int MAX_CACHED = 10_000;

    /** What the database says about a user and one of their logins. */
    private record Status(@Nullable String role, boolean enabled, boolean live) {
        static final Status NO_USER = new Status(null, false, false);
    }

    private record Key(String username, UUID login) {
    }

    private record Cached(Status status, long expiresAtNanos) {
    }

    private final JdbcClient jdbc;
    private final long recheckNanos;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    LoginSessions(JdbcClient jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.recheckNanos = properties.recheck().toNanos();
    }

    /** Why a token of the user, login and roles may no longer be used; null when it may. */
    public @Nullable String refusal(String username, @Nullable String login,
                                     @Nullable Collection<String> roles) {
        UUID family;
        try {
            family = UUID.fromString(login);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "the token names no login";
        }
        Status status = status(new Key(username, family));
        if (status.role() == null) {
            return "the user no longer exists";
        }
        if (!status.enabled()) {
            return "the user is disabled";
        }
        if (!status.live()) {
            return "the login was revoked; log in again";
        }
        if (roles == null || !List.copyOf(roles).equals(List.of(status.role()))) {
            return "the user's role has changed; log in again";
        }
        return null;
    }

    /** A login was revoked here: its tokens are refused from now on, not after the recheck interval. */
    void forgetLogin(UUID family) {
        cache.keySet().removeIf(key -> key.login().equals(family));
    }

    /** A user was changed here (role, enabled, removed). */
    void forgetUser(String username) {
        cache.keySet().removeIf(key -> key.username().equals(username));
    }

    private Status status(Key key) {
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.status();
        }
        Status status = jdbc.sql("""
                        SELECT u.role, u.enabled,
                               EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family = :login AND t.username = u.username)
                               AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family = :login
                                                                              AND t.revoked_at IS NOT NULL) AS live
                        FROM users u WHERE u.username = :name""")
                .param("login", key.login()).param("name", key.username())
                .query((rs, n) -> new Status(rs.getString("role"), rs.getBoolean("enabled"), rs.getBoolean("live")))
                .optional().orElse(Status.NO_USER);
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // only a cache: the next requests ask the database again
        }
        if (recheckNanos > 0) {
            cache.put(key, new Cached(status, now + recheckNanos));
        }
        return status;
    }
}
