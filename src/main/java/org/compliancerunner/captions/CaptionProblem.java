package org.compliancerunner.captions;

/** Something in a caption file that could not be read as written; {@code line} is 1-based, 0 for the whole file. */
public record CaptionProblem(int line, String message) {

    /** "line 12: malformed time …", as findings and notes show it. */
    public String describe() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
