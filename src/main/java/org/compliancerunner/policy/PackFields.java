package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.compliancerunner.policy.RulePackException.Problem;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The keys of one YAML mapping in a rule pack (the pack itself, a rule, a window), read with their line numbers.
 * Every reader records what is wrong, naming line and field path, and returns null instead of throwing, so one
 * pass reports all problems.
 */
final class PackFields {

    private final MappingNode node;
    private final String path;
    private final List<Problem> problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    PackFields(MappingNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problem(tuple.getKeyNode(), path, "keys must be plain words");
            } else if (!seen.add(key)) {
                problem(tuple.getKeyNode(), field(key), "appears twice; keep one");
            } else {
                entries.put(key, tuple);
            }
        }
    }

    String path() {
        return path;
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    @Nullable Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null || isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** Text of a key, or null (with a problem) when it is absent, blank or not text. */
    @Nullable String requiredText(String key, String hint) {
        Node value = value(key);
        if (value == null) {
            problem(node, field(key), "missing; " + hint);
            return null;
        }
        return text(key);
    }

    /**
     * A number, the default when the key is absent (a null default makes it required), or null with a problem when it
     * is not a number or not {@code valid}.
     */
    @Nullable Double number(String key, @Nullable Double defaultValue, java.util.function.DoublePredicate valid, String expected) {
        if (value(key) == null && defaultValue != null) {
            return defaultValue;
        }
        String text = defaultValue == null ? requiredText(key, "give " + expected) : text(key);
        if (text == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number) && valid.test(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below like any other unusable value
        }
        problemAt(key, "must be " + expected + ", not \"" + text + "\"");
        return null;
    }

    /** Text of a key, null when absent; a list or mapping where text belongs is a problem. */
    @Nullable String text(String key) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            problem(value, field(key), "must be a single value, not a list or mapping");
            return null;
        }
        if (scalar.getValue().isBlank()) {
            problem(value, field(key), "must not be blank");
            return null;
        }
        return scalar.getValue().trim();
    }

    /**
     * A non-empty list of strings, or null with a problem when absent, empty or not a list. Items that are blank
     * or not text are recorded as problems and come back as null, so callers can check the others too.
     */
    @Nullable List<@Nullable String> requiredTextList(String key, String example) {
        Node value = value(key);
        if (value == null) {
            problem(node, field(key), "missing; give a list, e.g. " + key + ": " + example);
            return null;
        }
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, field(key), "must be a list, e.g. " + key + ": " + example);
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            problem(value, field(key), "must not be empty; give at least one, e.g. " + key + ": " + example);
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String itemField = field(key) + "[" + i + "]";
            if (!(item instanceof ScalarNode scalar) || isNull(item)) {
                problem(item, itemField, "must be text");
                texts.add(null);
            } else if (scalar.getValue().isBlank()) {
                problem(item, itemField, "must not be blank");
                texts.add(null);
            } else {
                texts.add(scalar.getValue().trim());
            }
        }
        return texts;
    }

    /** A nested mapping, or null (with a problem when present but not a mapping). */
    @Nullable PackFields mapping(String key, String example) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof MappingNode mapping)) {
            problem(value, field(key), "must be a mapping, e.g. " + key + ": " + example);
            return null;
        }
        return new PackFields(mapping, field(key), problems);
    }

    /** Every key outside {@code allowed} is a problem that names the allowed keys (catches "phrase:" for "phrases:"). */
    void rejectUnknownKeys(List<String> allowed, String what) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (allowed.contains(key)) {
                continue;
            }
            String suggestion = allowed.stream()
                    .filter(a -> a.startsWith(key) || key.startsWith(a) || a.equalsIgnoreCase(key))
                    .findFirst().map(a -> " (did you mean \"" + a + "\"?)").orElse("");
            problem(entry.getValue().getKeyNode(), field(key),
                    "unknown key \"" + key + "\"" + suggestion + "; " + what + " allows " + String.join(", ", allowed));
        }
    }

    /** Records a problem at the line of {@code key}'s value. */
    void problemAt(String key, String message) {
        Node value = value(key);
        problem(value != null ? value : node, field(key), message);
    }

    /** Records a problem at item {@code index} of the list under {@code key}. */
    void problemAtItem(String key, int index, String message) {
        Node item = value(key) instanceof SequenceNode sequence && index < sequence.getValue().size()
                ? sequence.getValue().get(index) : value(key);
        problem(item != null ? item : node, field(key) + "[" + index + "]", message);
    }

    void problem(@Nullable Node at, String field, String message) {
        problems.add(new Problem(lineOf(at), field, message));
    }

    static int lineOf(@Nullable Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }
}
