package org.compliancerunner.speech;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What was said in one video. {@code source} is null when no transcript source existed for the video,
 * which the policy turns into a {@code speech.unavailable} finding; {@code note} says why. {@code language} is the
 * language the source declared (a caption file's tag, whisper's detection), or null to detect it from the text.
 */
public record Transcript(@Nullable String source, List<TranscriptSegment> segments, @Nullable String note,
                         @Nullable String language) {

    public Transcript(@Nullable String source, List<TranscriptSegment> segments, @Nullable String note) {
        this(source, segments, note, null);
    }

    /** The same transcript declared to be in {@code language}. */
    public Transcript withLanguage(@Nullable String language) {
        return new Transcript(source, segments, note, language);
    }

    public static Transcript unavailable(String why) {
        return new Transcript(null, List.of(), why);
    }

    public boolean available() {
        return source != null;
    }
}
