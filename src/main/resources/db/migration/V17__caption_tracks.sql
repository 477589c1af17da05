-- The captions a video carries, as written (cues with their lines, raw timings and markup, and what could not be
-- read), as JSON; caption rules re-judge them without the file. Null when the video was checked before captions were kept.
ALTER TABLE measurements ADD COLUMN caption_track TEXT;
