package org.compliancerunner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.compliancerunner.support.CatalogRows;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The video list's keyset pages return exactly the videos each combination of filters asks for, every column intact. */
class VideosPageTest extends IntegrationTest {

    @Autowired
    Videos videos;

    private record Row(long id, String owner, String status, String project) {
    }

    @Test
    void everyCombinationOfOwnerStatusProjectAndCursorSelectsWhatItSays() {
        for (String owner : List.of("page-ann", "page-ben")) {
            for (int p = 0; p < 2; p++) {
                long projectId = CatalogRows.project(jdbc, owner + "-" + p, owner);
                for (int i = 0; i < 6; i++) {
                    CatalogRows.video(jdbc, projectId, "v", owner, List.of("DONE", "FAILED", "PENDING").get(i % 3));
                }
            }
        }
        // the oracle: every video, filtered in Java, with no SQL built from the filters
        List<Row> all = jdbc.sql("SELECT v.id, p.owner, v.status, p.name AS project FROM videos v "
                + "JOIN projects p ON p.id = v.project_id ORDER BY v.id DESC").query(Row.class).list();
        long middle = all.stream().filter(r -> r.owner().equals("page-ann")).skip(5).findFirst().orElseThrow().id();
        int nonEmpty = 0;

        for (String owner : Arrays.asList(null, "page-ann", "page-ben")) {
            for (VideoStatus status : Arrays.asList(null, VideoStatus.DONE, VideoStatus.FAILED)) {
                for (String project : Arrays.asList(null, "page-ann-1", "page-ben-0")) {
                    for (Long before : Arrays.asList(null, middle)) {
                        List<Long> expected = all.stream()
                                .filter(r -> owner == null || r.owner().equals(owner))
                                .filter(r -> status == null || r.status().equals(status.name()))
                                .filter(r -> project == null || r.project().equals(project))
                                .filter(r -> before == null || r.id() < before)
                                .limit(4).map(Row::id).toList();

                        List<Long> actual = videos.page(owner, status, project, before, 4).stream().map(Video::id).toList();

                        assertThat(actual).as("owner %s, status %s, project %s, before %s", owner, status, project, before)
                                .isEqualTo(expected);
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        // most combinations match something, so pages with rows were compared, not only empty ones
        assertThat(nonEmpty).isGreaterThan(20);

        // the CLI's list: the same filters, oldest first
        List<Row> oldestFirst = new ArrayList<>(all);
        Collections.reverse(oldestFirst);
        for (VideoStatus status : Arrays.asList(null, VideoStatus.DONE, VideoStatus.FAILED)) {
            for (String project : Arrays.asList(null, "page-ann-1", "page-ben-0")) {
                List<Long> expected = oldestFirst.stream()
                        .filter(r -> status == null || r.status().equals(status.name()))
                        .filter(r -> project == null || r.project().equals(project))
                        .limit(4).map(Row::id).toList();

                assertThat(videos.list(status, project, 4).stream().map(Video::id).toList())
                        .as("list: status %s, project %s", status, project).isEqualTo(expected);
            }
        }
    }

    @Test
    void aPageCarriesEveryColumnOfTheVideo() {
        long projectId = CatalogRows.project(jdbc, "page-columns", "page-cid");
        long id = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, duration_ms, streams,
                                            owner, status, failure_reason, transcript_source, analysis_ms, decode_ms,
                                            processed_at)
                        VALUES (:p, 'Evening news', 'https://example.org/e.mp4', '/media/e.mp4', :sha, 10, 61000,
                                'h264 1280x720, aac', 'page-cid', 'FAILED', 'decoder gave up', 'captions', 1500, 900,
                                now()) RETURNING id""")
                .param("p", projectId).param("sha", "ab".repeat(32)).query(Long.class).single();

        Video video = videos.page("page-cid", null, null, null, 10).get(0);

        assertThat(video).isEqualTo(videos.find(id).orElseThrow());
        assertThat(video.id()).isEqualTo(id);
        assertThat(video.project()).isEqualTo("page-columns");
        assertThat(video.title()).isEqualTo("Evening news");
        assertThat(video.source()).isEqualTo("https://example.org/e.mp4");
        assertThat(video.mediaPath()).isEqualTo("/media/e.mp4");
        assertThat(video.sha256()).isEqualTo("ab".repeat(32));
        assertThat(video.durationMs()).isEqualTo(61_000L);
        assertThat(video.streams()).isEqualTo("h264 1280x720, aac");
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.failureReason()).isEqualTo("decoder gave up");
        assertThat(video.owner()).isEqualTo("page-cid");
        assertThat(video.transcriptSource()).isEqualTo("captions");
        assertThat(video.analysisMs()).isEqualTo(1500L);
        assertThat(video.decodeMs()).isEqualTo(900L);
        assertThat(video.createdAt()).isNotNull().isBeforeOrEqualTo(OffsetDateTime.now().plusMinutes(1));
        assertThat(video.processedAt()).isNotNull();
        // columns a pending video has not filled yet come back as null, not as zero
        long pending = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner)
                        VALUES (:p, 'later', 's', '/m', :sha, 1, 'page-cid') RETURNING id""")
                .param("p", projectId).param("sha", "cd".repeat(32)).query(Long.class).single();
        Video fresh = videos.find(pending).orElseThrow();
        assertThat(Arrays.asList(fresh.durationMs(), fresh.analysisMs(), fresh.decodeMs(), fresh.processedAt(),
                fresh.streams())).allMatch(Objects::isNull);
        assertThat(fresh.status()).isEqualTo(VideoStatus.PENDING);
    }
}
