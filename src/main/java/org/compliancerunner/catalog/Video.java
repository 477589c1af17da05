package org.compliancerunner.catalog;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A registered video as operators see it. {@code durationMs} is null when the file could not be probed;
 * {@code mediaPath} is null, and left out, in what non-administrators see.
 */
public record Video(
        long id,
        String project,
        String title,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String mediaPath,
        String sha256,
        @Nullable Long durationMs,
        @Nullable String streams,
        VideoStatus status,
        @Nullable String failureReason,
        String owner,
        @Nullable String transcriptSource,
        @Nullable Long analysisMs,
        @Nullable Long decodeMs,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime processedAt) {

    /**
     * The video as a non-administrator sees it: no server paths, so nobody learns where files are kept; a source that
     * was a path on the server shows as its file name.
     */
    public Video withoutServerPaths() {
        String lower = source == null ? "" : source.toLowerCase(Locale.ROOT);
        boolean uri = lower.startsWith("http://") || lower.startsWith("https://");
        String shownSource = source == null || uri || source.indexOf('/') < 0 ? source : fileName(source);
        return new Video(id, project, title, shownSource, null, sha256, durationMs, streams, status, failureReason,
                owner, transcriptSource, analysisMs, decodeMs, createdAt, processedAt);
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? "" : name.toString();
    }
}
