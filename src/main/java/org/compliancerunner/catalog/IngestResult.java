package org.compliancerunner.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What ingest did with one input.
 *
 * @param input   the path or URI as given (or the file found in a given directory)
 * @param id      the video's id, null when refused
 * @param outcome REGISTERED, ALREADY_REGISTERED (same content in the same project), REFUSED or SKIPPED
 * @param message why it was refused, or a note such as "probe failed: …"; null when there is nothing to say
 */
public record IngestResult(String input, @Nullable Long id, @Nullable String title, @Nullable VideoStatus status,
                           @Nullable Long durationMs, Outcome outcome, @Nullable String message) {

    /** SKIPPED is a file found in a given directory that is not media: noted, but not an error. */
    public enum Outcome { REGISTERED, ALREADY_REGISTERED, REFUSED, SKIPPED }

    static IngestResult refused(String input, String message) {
        return new IngestResult(input, null, null, null, null, Outcome.REFUSED, message);
    }

    static IngestResult skipped(String input, String message) {
        return new IngestResult(input, null, null, null, null, Outcome.SKIPPED, message);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
