package org.compliancerunner.catalog;

import java.time.OffsetDateTime;

/** A registered video as operators see it. {@code durationMs} is null when the file could not be probed. */
public record Video(
        long id,
        String project,
        String title,
        String source,
        String mediaPath,
        String sha256,
        Long durationMs,
        String streams,
        VideoStatus status,
        String failureReason,
        String owner,
        String transcriptSource,
        Long analysisMs,
        Long decodeMs,
        OffsetDateTime createdAt,
        OffsetDateTime processedAt) {
}
