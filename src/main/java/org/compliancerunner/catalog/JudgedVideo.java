package org.compliancerunner.catalog;

import org.jspecify.annotations.Nullable;

/** A checked video as a re-evaluation needs it: how long it is, whether speech was found, and what judged it last. */
public record JudgedVideo(long id, @Nullable Long durationMs, @Nullable String transcriptSource,
                          @Nullable String packName, @Nullable Integer packVersion) {
}
