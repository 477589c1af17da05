package org.compliancerunner.account;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Failed logins per user name, so that guessing one user's password from many addresses (each within its own
 * per-address limit) is slowed down too: after {@code lockoutAfter} failures in a row the name is locked, for twice as
 * long after each further failure. A success starts the count afresh; so does a failure a day after the last.
 */
@Service
public class LoginFailures {

    private final JdbcClient jdbc;
    private final AccountProperties properties;

    LoginFailures(JdbcClient jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How long the name stays locked; zero when it is not. */
    public Duration lockedFor(String username) {
        Double seconds = jdbc.sql("""
                        SELECT EXTRACT(EPOCH FROM locked_until - now())::float8 FROM login_failures
                        WHERE username = :name AND locked_until > now()""")
                .param("name", username).query(Double.class).optional().orElse(null);
        return seconds == null ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }

    /** Counts a failure; returns the lock it starts (zero when none). */
    public Duration failed(String username) {
        int failures = jdbc.sql("""
                        INSERT INTO login_failures (username, failures, last_failed_at) VALUES (:name, 1, now())
                        ON CONFLICT (username) DO UPDATE SET
                            failures = CASE WHEN login_failures.last_failed_at < now() - interval '1 day' THEN 1
                                            ELSE login_failures.failures + 1 END,
                            last_failed_at = now()
                        RETURNING failures""")
                .param("name", username).query(Integer.class).single();
        Duration lock = backoff(failures, properties);
        if (!lock.isZero()) {
            jdbc.sql("UPDATE login_failures SET locked_until = now() + make_interval(secs => :seconds) WHERE username = :name")
                    .param("seconds", lock.toMillis() / 1000.0).param("name", username).update();
        }
        return lock;
    }

    public void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failures WHERE username = :name").param("name", username).update();
    }

    /** The lock after this many failures in a row: none below the threshold, then doubling up to the maximum. */
    static Duration backoff(int failures, AccountProperties properties) {
        int beyond = failures - properties.lockoutAfter();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration lock = properties.lockout();
        for (int i = 0; i < beyond && lock.compareTo(properties.maxLockout()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : lock;
    }
}
