-- people who use the REST API; the password is a self-describing hash ({bcrypt}…) so the algorithm can be upgraded
CREATE TABLE users (
    username       TEXT        PRIMARY KEY,
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'UPLOADER')),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the built-in issuer's RS256 key pair, shared by every replica; the oldest row signs
CREATE TABLE signing_keys (
    kid          TEXT        PRIMARY KEY,
    private_key  BYTEA       NOT NULL,
    public_key   BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- refresh tokens are kept only as SHA-256 hashes; a family is one login's chain of rotations
CREATE TABLE refresh_tokens (
    id          BIGSERIAL   PRIMARY KEY,
    token_hash  CHAR(64)    NOT NULL UNIQUE,
    family      UUID        NOT NULL,
    username    TEXT        NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    rotated_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);

-- Bucket4j's PostgreSQL proxy manager keeps one serialized bucket per key, so limits hold across replicas
CREATE TABLE rate_limit_buckets (
    id          TEXT   PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);

-- keyset pages of the video list, newest first, with and without the common filters
CREATE INDEX videos_status_id_idx ON videos (status, id);
CREATE INDEX videos_project_id_idx ON videos (project_id, id);
CREATE INDEX projects_owner_idx ON projects (owner);
CREATE INDEX triggers_created_idx ON triggers (created_at, id);
