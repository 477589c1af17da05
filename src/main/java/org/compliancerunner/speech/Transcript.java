package org.compliancerunner.speech;

import java.util.List;

/**
 * What was said in one video. {@code source} is null when no transcript source existed for the video,
 * which the policy turns into a {@code speech.unavailable} finding; {@code note} says why.
 */
public record Transcript(String source, List<TranscriptSegment> segments, String note) {

    public static Transcript unavailable(String why) {
        return new Transcript(null, List.of(), why);
    }

    public boolean available() {
        return source != null;
    }
}
