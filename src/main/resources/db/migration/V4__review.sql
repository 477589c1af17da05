-- One item per finding an operator must judge, keyed like the finding itself (not by trigger id: trigger rows are
-- replaced on every rewrite), so a decision survives a new pack version that still raises the same finding.
-- No cascades: deleting a reviewed video must not silently erase its audit trail.
CREATE TABLE review_items (
    id            BIGSERIAL PRIMARY KEY,
    video_id      BIGINT      NOT NULL REFERENCES videos (id),
    -- the video's project, copied so an operator's project filter is an index range, not a join over every video
    project_id    BIGINT      NOT NULL REFERENCES projects (id),
    pack_name     TEXT        NOT NULL,
    rule_id       TEXT        NOT NULL,
    start_ms      BIGINT      NOT NULL,
    end_ms        BIGINT      NOT NULL,
    pack_version  INT         NOT NULL,
    severity      TEXT        NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    -- worst first in the queue, with an index instead of a sort over every open item
    severity_rank SMALLINT    GENERATED ALWAYS AS (CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3
                                  WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END) STORED,
    evidence      TEXT        NOT NULL,
    state         TEXT        NOT NULL DEFAULT 'OPEN'
        CHECK (state IN ('OPEN', 'ESCALATED', 'CONFIRMED', 'REJECTED', 'OBSOLETE')),
    -- the last decision; kept when the item becomes OBSOLETE so a finding that comes back gets it again
    decision      TEXT        CHECK (decision IN ('CONFIRM', 'REJECT', 'ESCALATE')),
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    comment       TEXT,
    claimed_by    TEXT,
    lease_until   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT review_items_finding_uq UNIQUE (video_id, pack_name, rule_id, start_ms)
);
-- what operators can claim; decided and obsolete items drop out of the index
CREATE INDEX review_items_queue_idx ON review_items (severity_rank DESC, id) WHERE state IN ('OPEN', 'ESCALATED');
CREATE INDEX review_items_project_queue_idx ON review_items (project_id, severity_rank DESC, id)
    WHERE state IN ('OPEN', 'ESCALATED');
CREATE INDEX review_items_video_idx ON review_items (video_id);
CREATE INDEX review_items_rule_idx ON review_items (rule_id, decision);

-- Every claim, decision, obsolescence and reopening, never updated or deleted.
CREATE TABLE review_audit (
    id            BIGSERIAL PRIMARY KEY,
    item_id       BIGINT      NOT NULL REFERENCES review_items (id),
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    action        TEXT        NOT NULL CHECK (action IN ('CLAIM', 'CONFIRM', 'REJECT', 'ESCALATE', 'OBSOLETE', 'REOPEN')),
    state_before  TEXT,
    state_after   TEXT        NOT NULL,
    comment       TEXT
);
CREATE INDEX review_audit_item_idx ON review_audit (item_id, id);

-- The outcome of a video's review once every live item is confirmed or rejected.
CREATE TABLE video_verdicts (
    video_id    BIGINT      PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
    verdict     TEXT        NOT NULL CHECK (verdict IN ('APPROVED', 'REJECTED', 'NEEDS_EDIT')),
    decided_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
