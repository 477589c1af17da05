package org.compliancerunner.account;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.compliancerunner.security.Role;

/** The API's users with their roles and password hashes. */
@Service
public class Accounts {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 12;

    private final JdbcClient jdbc;
    private final LoginSessions sessions;
    // bcrypt today; the {id} prefix lets a later algorithm take over as users log in
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    // compared against when the user does not exist, so timing does not tell which usernames exist
    private final String decoyHash = passwords.encode("decoy-password-never-matches");

    public Accounts(JdbcClient jdbc, LoginSessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    /**
     * Creates the user, or replaces the password and role of an existing one.
     *
     * @return true when the user is new
     */
    public boolean save(String username, Role role, String password) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name '" + username + "' is not allowed: use 1-64 letters, digits, "
                    + "'.', '_', '@' or '-', starting with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters");
        }
        Boolean inserted = jdbc.sql("""
                        INSERT INTO users (username, password_hash, role) VALUES (:name, :hash, :role)
                        ON CONFLICT (username) DO UPDATE SET password_hash = :hash, role = :role, updated_at = now()
                        RETURNING (xmax = 0)""")
                .param("name", username).param("hash", passwords.encode(password)).param("role", role.name())
                .query(Boolean.class).single();
        sessions.forgetUser(username); // a changed role ends the tokens that claim the old one
        return Boolean.TRUE.equals(inserted);
    }

    /**
     * Enables or disables a user: a disabled one can neither log in nor refresh, and tokens issued before are refused.
     *
     * @return false when there is no such user
     */
    public boolean setEnabled(String username, boolean enabled) {
        int updated = jdbc.sql("UPDATE users SET enabled = :enabled, updated_at = now() WHERE username = :name")
                .param("enabled", enabled).param("name", username).update();
        sessions.forgetUser(username);
        return updated == 1;
    }

    /** Removes a user and their refresh tokens; their projects stay. Returns false when there is no such user. */
    public boolean remove(String username) {
        int deleted = jdbc.sql("DELETE FROM users WHERE username = :name").param("name", username).update();
        sessions.forgetUser(username);
        return deleted == 1;
    }

    /** The account if the password is right; empty for an unknown or disabled user or a wrong password alike. */
    public Optional<Account> authenticate(String username, String password) {
        Optional<String[]> row = jdbc.sql("SELECT password_hash, role FROM users WHERE username = :name AND enabled")
                .param("name", username)
                .query((rs, n) -> new String[] {rs.getString("password_hash"), rs.getString("role")})
                .optional();
        if (row.isEmpty()) {
            passwords.matches(password, decoyHash);
            return Optional.empty();
        }
        if (!passwords.matches(password, row.get()[0])) {
            return Optional.empty();
        }
        return Optional.of(new Account(username, Role.valueOf(row.get()[1])));
    }

    /** An enabled user. */
    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, role FROM users WHERE username = :name AND enabled").param("name", username)
                .query((rs, n) -> new Account(rs.getString("username"), Role.valueOf(rs.getString("role"))))
                .optional();
    }
}
