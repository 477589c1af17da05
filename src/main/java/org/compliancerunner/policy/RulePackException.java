package org.compliancerunner.policy;

import java.util.List;

/** A rule pack that cannot be used; each problem names the line and the field. */
public class RulePackException extends Exception {

    private final String source;
    private final List<Problem> details;

    /** Problems without a known line or field, e.g. a file that cannot be read. */
    public RulePackException(String source, List<String> problems) {
        this(source, problems.stream().map(Problem::general).toList(), null);
    }

    private RulePackException(String source, List<Problem> details, Void structured) {
        super(source + ": " + String.join("; ", details.stream().map(Problem::toString).toList()));
        this.source = source;
        this.details = List.copyOf(details);
    }

    /** Problems that each point at a line and a field of the pack. */
    public static RulePackException of(String source, List<Problem> problems) {
        return new RulePackException(source, problems, null);
    }

    /** Where the pack came from: a file path, "classpath:…" or "rule_packs name@version". */
    public String source() {
        return source;
    }

    /** Each problem as {@code line 7: rules[2].pattern: message}. */
    public List<String> problems() {
        return details.stream().map(Problem::toString).toList();
    }

    public List<Problem> details() {
        return details;
    }

    /**
     * One thing wrong with a pack. {@code line} is 1-based, 0 when the problem is not tied to a line;
     * {@code field} is the path inside the pack (e.g. {@code rules[2].pattern}), empty for the whole pack.
     */
    public record Problem(int line, String field, String message) {

        public Problem {
            field = field == null ? "" : field;
        }

        static Problem general(String message) {
            return new Problem(0, "", message);
        }

        @Override
        public String toString() {
            String where = line > 0 ? "line " + line + ": " : "";
            return where + (field.isEmpty() ? "" : field + ": ") + message;
        }
    }
}
