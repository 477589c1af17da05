package org.compliancerunner.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.compliancerunner.policy.RulePackException.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule pack from YAML. Works on SnakeYAML's node tree rather than on maps, so every problem can name its
 * line and field; collects all problems before failing, so an author fixes a pack in one round.
 */
@Component
public class RulePackParser {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final List<String> PACK_KEYS = List.of("pack", "version", "language", "rules");

    static final String DEFAULT_PACK = "rules/default-pack.yaml";

    /** Reads a rule pack file (UTF-8 YAML); an unreadable file is a problem like any other. */
    public RulePack parse(Path file) throws RulePackException {
        String origin = file.toString();
        if (Files.isDirectory(file)) {
            throw new RulePackException(origin, List.of("is a directory; give the path of a rule pack YAML file"));
        }
        String body;
        try {
            body = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RulePackException(origin, List.of("no such file; check the path of the rule pack"));
        } catch (AccessDeniedException e) {
            throw new RulePackException(origin, List.of("cannot be read: permission denied"));
        } catch (CharacterCodingException e) {
            throw new RulePackException(origin, List.of("is not UTF-8 text; save the rule pack as UTF-8"));
        } catch (IOException e) {
            throw new RulePackException(origin, List.of("cannot be read: " + e.getMessage()));
        }
        return parse(body, origin);
    }

    /** The pack shipped with the application; it is tested, so a failure here is a broken build. */
    public RulePack defaultPack() {
        try (InputStream in = RulePackParser.class.getClassLoader().getResourceAsStream(DEFAULT_PACK)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + DEFAULT_PACK + " is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_PACK);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath:" + DEFAULT_PACK + ": " + e.getMessage(), e);
        } catch (RulePackException e) {
            throw new IllegalStateException("the built-in rule pack is invalid: " + e.getMessage(), e);
        }
    }

    /** Parses {@code body}; {@code origin} (a path, "classpath:…") only labels the problems. */
    public RulePack parse(String body, String origin) throws RulePackException {
        List<Problem> problems = new ArrayList<>();
        Node root = compose(body, origin);
        if (!(root instanceof MappingNode mapping)) {
            String found = root == null ? "the pack is empty" : "the pack is not a mapping";
            throw RulePackException.of(origin, List.of(new Problem(PackFields.lineOf(root), "",
                    found + "; a rule pack has the keys pack, version and rules")));
        }
        PackFields pack = new PackFields(mapping, "", problems);
        pack.rejectUnknownKeys(PACK_KEYS, "a rule pack");
        String name = pack.requiredText("pack", "name the pack, e.g. pack: broadcast-default");
        Integer version = version(pack);
        String language = RuleLanguage.read(pack, "language");
        List<Rule> rules = rules(pack, problems);
        if (!problems.isEmpty()) {
            throw RulePackException.of(origin, problems);
        }
        return new RulePack(name, version, RulePack.checksumOf(body), body, rules, language);
    }

    private static @Nullable Node compose(String body, String origin) throws RulePackException {
        try {
            return new Yaml().compose(new StringReader(body));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw RulePackException.of(origin, List.of(new Problem(line, "", "invalid YAML: " + e.getProblem() + context)));
        } catch (YAMLException e) {
            throw RulePackException.of(origin, List.of(new Problem(0, "", "invalid YAML: " + e.getMessage())));
        }
    }

    private static @Nullable Integer version(PackFields pack) {
        String text = pack.requiredText("version", "give a whole number and bump it on every change, e.g. version: 1");
        if (text == null) {
            return null;
        }
        try {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        pack.problemAt("version", "must be a positive whole number, not \"" + text + "\"");
        return null;
    }

    private static List<Rule> rules(PackFields pack, List<Problem> problems) {
        Node value = pack.value("rules");
        if (value == null) {
            pack.problemAt("rules", "missing; a pack needs a list of rules");
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            pack.problemAt("rules", "must be a non-empty list of rules");
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String path = "rules[" + i + "]";
            if (!(item instanceof MappingNode ruleNode)) {
                pack.problem(item, path, "each rule is a mapping with id, kind and the keys of its kind");
                continue;
            }
            Rule rule = rule(new PackFields(ruleNode, path, problems), firstLineOfId);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static @Nullable Rule rule(PackFields fields, Map<String, Integer> firstLineOfId) {
        String id = fields.requiredText("id", "every rule needs an id, e.g. id: language.profanity");
        if (id != null && !RULE_ID.matcher(id).matches()) {
            fields.problemAt("id", "\"" + id + "\" must be lower case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
            id = null;
        } else if (id != null) {
            int line = PackFields.lineOf(fields.value("id"));
            Integer first = firstLineOfId.putIfAbsent(id, line);
            if (first != null) {
                fields.problemAt("id", "duplicate id \"" + id + "\", already used on line " + first
                        + "; ids must be unique in a pack");
                id = null;
            }
        }
        Severity severity = severity(fields);
        String kindName = fields.requiredText("kind", "say what the rule checks: " + String.join(", ", RuleKinds.names()));
        Optional<RuleKinds.Kind> kind = kindName == null ? Optional.empty() : RuleKinds.find(kindName);
        if (kindName != null && kind.isEmpty()) {
            fields.problemAt("kind", "unknown kind \"" + kindName + "\"; known kinds are "
                    + String.join(", ", RuleKinds.names()));
        }
        if (kind.isEmpty()) {
            return null;
        }
        fields.rejectUnknownKeys(kind.get().allowedKeys(), "a " + kind.get().name() + " rule");
        Rule rule = kind.get().reader().read(id, severity, fields);
        return id == null || severity == null ? null : rule;
    }

    private static @Nullable Severity severity(PackFields fields) {
        if (!fields.has("severity")) {
            return Severity.MEDIUM;
        }
        String text = fields.text("severity");
        Severity severity = Severity.parse(text);
        if (text != null && severity == null) {
            fields.problemAt("severity", "\"" + text + "\" is not a severity; use info, low, medium, high or critical");
        }
        return severity;
    }
}
