-- What each re-evaluation did to each video's findings; the report sums it, and a restart skips what is here.
CREATE TABLE reevaluations (
    job_instance_id BIGINT NOT NULL,
    video_id        BIGINT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    added           INT    NOT NULL,
    removed         INT    NOT NULL,
    unchanged       INT    NOT NULL,
    PRIMARY KEY (job_instance_id, video_id)
);
