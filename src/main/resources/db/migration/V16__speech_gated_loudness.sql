-- Integrated loudness over the speech map only (an open approximation of dialogue gating); null when not measured.
ALTER TABLE measurements ADD COLUMN speech_gated_lufs DOUBLE PRECISION;
