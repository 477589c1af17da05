package org.compliancerunner.captions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One caption cue as the file gave it: its timing, the index the file declared (null when it had none) and its text
 * lines with their markup, so rules can count lines and characters and judge the markup.
 *
 * @param line the 1-based line of the file where the cue's timing is, for findings that name it
 */
public record Cue(int line, @Nullable Integer index, long startMs, long endMs, List<String> lines) {

    public Cue {
        lines = List.copyOf(lines);
    }

    /** The text lines without markup, as a viewer reads them. */
    public List<String> plainLines() {
        return lines.stream().map(CaptionMarkup::plain).filter(text -> !text.isEmpty()).toList();
    }

    /** The text without markup, lines joined by a space. */
    public String text() {
        return String.join(" ", plainLines());
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
