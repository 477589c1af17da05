package org.compliancerunner.ops;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression selects: what is left once labels, ranges, groupings and functions are gone. */
final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\w)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan", "e");

    private PromQl() {
    }

    static Set<String> metricNames(Collection<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String bare = STRINGS.matcher(expression).replaceAll(" ");
            bare = MATCHERS.matcher(bare).replaceAll(" ");
            bare = RANGES.matcher(bare).replaceAll(" ");
            bare = GROUPINGS.matcher(bare).replaceAll(" ");
            bare = bare.replaceAll("\\$\\w+", " "); // Grafana variables such as $__rate_interval
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                boolean functionCall = identifier.group(2) != null;
                String name = identifier.group(1);
                if (!functionCall && !KEYWORDS.contains(name.toLowerCase())) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
