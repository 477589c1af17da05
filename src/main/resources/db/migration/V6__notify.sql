-- The transactional outbox: an event row commits or rolls back with the change it reports.
CREATE TABLE notify_events (
    id         UUID PRIMARY KEY,
    type       TEXT        NOT NULL,
    payload    JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- One row per (event, channel), so a failing receiver neither blocks nor re-sends to the others.
CREATE TABLE notify_deliveries (
    event_id        UUID        NOT NULL REFERENCES notify_events (id) ON DELETE CASCADE,
    channel         TEXT        NOT NULL,
    state           TEXT        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    PRIMARY KEY (event_id, channel)
);

-- The dispatcher's claim query reads only due, undelivered rows.
CREATE INDEX notify_deliveries_due ON notify_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX notify_events_created ON notify_events (created_at DESC);
