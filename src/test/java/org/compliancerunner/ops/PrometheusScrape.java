package org.compliancerunner.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, enough to ask which series exist and what they hold. */
record PrometheusScrape(List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");

    record Sample(String name, String labels, double value) {

        boolean has(String label, String value) {
            return label == null || labels.contains(label + "=\"" + value + "\"");
        }
    }

    PrometheusScrape(String text) {
        this(parse(text));
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The sum over the series of one metric that carry the label value (every series when label is null). */
    double value(String name, String label, String labelValue) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name) && s.has(label, labelValue)).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no series " + name + (label == null ? "" : "{" + label + "=\"" + labelValue + "\"}")
                    + " in the scrape; it has " + names());
        }
        return matching.stream().mapToDouble(Sample::value).sum();
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = LINE.matcher(line.strip());
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            String labels = sample.group(3) == null ? "" : sample.group(3);
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return samples;
    }
}
