-- How each video is made, measured in its decode pass; rules re-judge these later without decoding again.
CREATE TABLE measurements (
    video_id          BIGINT PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
    integrated_lufs   DOUBLE PRECISION,
    loudness_range_lu DOUBLE PRECISION,
    true_peak_dbtp    DOUBLE PRECISION,
    momentary_max     DOUBLE PRECISION,
    short_term_max    DOUBLE PRECISION,
    loudness_timeline TEXT,
    levels_step_ms    INT,
    levels_duration_ms BIGINT,
    levels            BYTEA,
    black_intervals   TEXT,
    freeze_intervals  TEXT,
    flash_verdict     TEXT,
    flash             TEXT,
    notes             TEXT NOT NULL,
    measured_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
