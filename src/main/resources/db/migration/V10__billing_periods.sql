-- Quotas are per calendar month (UTC). Every entry of a video belongs to the month the video was reserved in, so a
-- settle or release in a later month moves that month's balance, never the new month's room.
ALTER TABLE billing_entries ADD COLUMN period DATE;
UPDATE billing_entries e SET period = (
    SELECT CAST(date_trunc('month', r.created_at AT TIME ZONE 'UTC') AS DATE)
    FROM billing_entries r WHERE r.video_id = e.video_id AND r.kind = 'RESERVE');
UPDATE billing_entries SET period = CAST(date_trunc('month', created_at AT TIME ZONE 'UTC') AS DATE) WHERE period IS NULL;
ALTER TABLE billing_entries ALTER COLUMN period SET NOT NULL;
ALTER TABLE billing_entries ALTER COLUMN period SET DEFAULT CAST(date_trunc('month', now() AT TIME ZONE 'UTC') AS DATE);
CREATE INDEX billing_entries_owner_period_idx ON billing_entries (owner, period);
