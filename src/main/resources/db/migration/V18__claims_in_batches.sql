-- A sweep claims its videos a batch at a time while it runs, so a million PENDING videos no longer wait for one
-- UPDATE of every row before the first is analysed. Claims are numbered in the order they were made: a partition
-- reads its claims by that number, so a later batch, whatever its video ids, comes after what it has already read.
CREATE SEQUENCE video_claim_order;
ALTER TABLE videos ADD COLUMN claim_order bigint;
-- the next batch to claim: highest priority and oldest first, among PENDING videos only
CREATE INDEX videos_pending_order_idx ON videos (priority DESC, created_at, id) WHERE status = 'PENDING';
-- a partition's unfinished claims in claim order
CREATE INDEX videos_claim_order_idx ON videos (claimed_by, claim_order) WHERE status IN ('QUEUED', 'PROCESSING');
-- claims made before this version are read first by a restarted partition
UPDATE videos SET claim_order = nextval('video_claim_order') WHERE status IN ('QUEUED', 'PROCESSING');
