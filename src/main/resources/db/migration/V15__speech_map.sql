-- Where people speak, from the voice-activity detector: [[startMs, endMs], ...]; null when it was not measured.
ALTER TABLE measurements ADD COLUMN speech_intervals TEXT;
