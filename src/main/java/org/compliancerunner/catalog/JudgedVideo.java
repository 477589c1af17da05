package org.compliancerunner.catalog;

/** A checked video as a re-evaluation needs it: how long it is, whether speech was found, and what judged it last. */
public record JudgedVideo(long id, Long durationMs, String transcriptSource, String packName, Integer packVersion) {
}
