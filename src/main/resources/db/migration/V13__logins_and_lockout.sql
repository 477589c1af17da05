-- a disabled user keeps their projects but can neither log in nor use a token issued before
ALTER TABLE users ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT true;

-- consecutive failed logins per user name, known or not, so a lockout tells nothing about which names exist
CREATE TABLE login_failures (
    username        TEXT        PRIMARY KEY,
    failures        INTEGER     NOT NULL,
    last_failed_at  TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);
