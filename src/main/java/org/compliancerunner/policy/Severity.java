package org.compliancerunner.policy;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How bad a finding is; ordered, so a threshold compares with {@link #compareTo}. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses the rule-pack spelling (lower case); null when it is not a severity. */
    public static @Nullable Severity parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
