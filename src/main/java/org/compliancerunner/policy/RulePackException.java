package org.compliancerunner.policy;

import java.util.List;

/** A rule pack that cannot be used; each problem names the line and the field. */
public class RulePackException extends Exception {

    private final List<String> problems;

    public RulePackException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
