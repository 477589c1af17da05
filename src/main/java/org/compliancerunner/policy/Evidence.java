package org.compliancerunner.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads back what a word rule's evidence says was said, so stored triggers need no column of their own for it. */
public final class Evidence {

    // the shortest text that leaves only the rule part after it, so the rule's own quotes are not taken
    private static final Pattern MATCHED = Pattern.compile("matched \"(.*?)\"(?: \\((?:phrase|near) .*\\)|\\))?$");

    private Evidence() {
    }

    /** The text after {@code matched "}, or null when the evidence is a measurement or a missing phrase. */
    public static @Nullable String matchedText(@Nullable String evidence) {
        if (evidence == null) {
            return null;
        }
        Matcher matcher = MATCHED.matcher(evidence);
        return matcher.find() ? matcher.group(1) : null;
    }
}
