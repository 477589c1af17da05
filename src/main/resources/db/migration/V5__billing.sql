-- The minutes ledger: append-only, at most one entry of each kind per video, so a retried ingest or a replayed
-- sweep chunk never charges twice (INSERT ... ON CONFLICT (video_id, kind) DO NOTHING).
-- Each entry says by how much it moves the owner's open reservation and charged minutes, so balances are sums:
--   RESERVE  open +N                       (ingest; N = started minutes of the probed duration, 1 when unknown)
--   SETTLE   open -N, charged +N           (DONE; open 0, charged +N when the reservation had been released)
--   RELEASE  open -N                       (FAILED before any settle)
-- used against the quota = SUM(open_minutes) + SUM(charged_minutes)
CREATE TABLE billing_entries (
    id               BIGSERIAL PRIMARY KEY,
    -- no cascade: what was charged stays on the ledger
    video_id         BIGINT      NOT NULL REFERENCES videos (id),
    owner            TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('RESERVE', 'SETTLE', 'RELEASE')),
    open_minutes     INT         NOT NULL,
    charged_minutes  INT         NOT NULL CHECK (charged_minutes >= 0),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT billing_entries_video_kind_uq UNIQUE (video_id, kind)
);
-- every quota check and statement sums one owner's entries
CREATE INDEX billing_entries_owner_idx ON billing_entries (owner, created_at);
