CREATE TABLE projects (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    owner       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE videos (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT      NOT NULL REFERENCES projects (id),
    title            TEXT        NOT NULL,
    source           TEXT        NOT NULL,
    media_path       TEXT        NOT NULL,
    sha256           CHAR(64)    NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    duration_ms      BIGINT,
    streams          TEXT,
    status           TEXT        NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'QUEUED', 'PROCESSING', 'DONE', 'FAILED')),
    failure_reason   TEXT,
    priority         INT         NOT NULL DEFAULT 0,
    owner            TEXT        NOT NULL,
    claimed_by       BIGINT,
    attempts         INT         NOT NULL DEFAULT 0,
    analysis_ms      BIGINT,
    decode_ms        BIGINT,
    transcript_source TEXT,
    pack_name        TEXT,
    pack_version     INT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    processed_at     TIMESTAMPTZ,
    CONSTRAINT videos_project_sha256_uq UNIQUE (project_id, sha256)
);
CREATE INDEX videos_status_created_idx ON videos (status, created_at);
CREATE INDEX videos_project_status_idx ON videos (project_id, status);
CREATE INDEX videos_owner_created_idx ON videos (owner, created_at);
-- the analyze step reads one job instance's claims
CREATE INDEX videos_claimed_by_idx ON videos (claimed_by, status) WHERE claimed_by IS NOT NULL;

CREATE TABLE transcript_segments (
    video_id  BIGINT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    seq       INT    NOT NULL,
    start_ms  BIGINT NOT NULL,
    end_ms    BIGINT NOT NULL,
    text      TEXT   NOT NULL,
    source    TEXT   NOT NULL,
    PRIMARY KEY (video_id, seq)
);

CREATE TABLE rule_packs (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    version     INT         NOT NULL,
    checksum    CHAR(64)    NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT rule_packs_name_version_uq UNIQUE (name, version)
);

CREATE TABLE triggers (
    id            BIGSERIAL PRIMARY KEY,
    video_id      BIGINT      NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    pack_name     TEXT        NOT NULL,
    pack_version  INT         NOT NULL,
    rule_id       TEXT        NOT NULL,
    start_ms      BIGINT      NOT NULL,
    end_ms        BIGINT      NOT NULL,
    severity      TEXT        NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    evidence      TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT triggers_video_rule_version_start_uq UNIQUE (video_id, pack_name, rule_id, pack_version, start_ms)
);
CREATE INDEX triggers_rule_idx ON triggers (rule_id, severity);

-- which process runs a sweep execution, so a new sweep can tell a crashed one from a live one
CREATE TABLE sweep_leases (
    job_execution_id BIGINT      PRIMARY KEY,
    host             TEXT        NOT NULL,
    pid              BIGINT      NOT NULL,
    heartbeat_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
