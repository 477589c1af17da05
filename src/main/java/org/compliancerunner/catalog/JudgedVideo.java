package org.compliancerunner.catalog;

/**
 * A checked video as a re-evaluation needs it: its title for announcements, how long it is, whether speech was found,
 * and what judged it last.
 */
public record JudgedVideo(long id, String title, Long durationMs, String transcriptSource, String packName, Integer packVersion) {
}
