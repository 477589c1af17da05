package org.compliancerunner.batch;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

import org.compliancerunner.catalog.JudgedVideo;
import org.compliancerunner.catalog.Videos;
import org.springframework.batch.infrastructure.item.ItemReader;

/** Reads the DONE videos to judge again in id order, a page at a time. */
class JudgedVideoReader implements ItemReader<JudgedVideo> {

    private static final int PAGE = 200;

    private final Videos videos;
    private final String project;
    private final OffsetDateTime since;
    private final Deque<JudgedVideo> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    JudgedVideoReader(Videos videos, String project, OffsetDateTime since) {
        this.videos = videos;
        this.project = project;
        this.since = since;
    }

    @Override
    public JudgedVideo read() {
        if (page.isEmpty() && !exhausted) {
            var next = videos.judged(project, since, lastId, PAGE);
            exhausted = next.size() < PAGE;
            page.addAll(next);
        }
        JudgedVideo video = page.poll();
        if (video != null) {
            lastId = video.id();
        }
        return video;
    }
}
