package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one place that maps a rule pack's {@code kind:} to the keys it allows and how it is read. A new kind is a
 * record implementing {@link Rule}, an entry here and its evaluation in {@link PolicyEngine}.
 */
final class RuleKinds {

    /** Keys every rule has, whatever its kind. */
    static final List<String> COMMON_KEYS = List.of("id", "kind", "severity");

    /** Reads the kind-specific keys of one rule; returns null after recording problems. */
    @FunctionalInterface
    interface Reader {
        @Nullable Rule read(String id, Severity severity, PackFields fields);
    }

    record Kind(String name, List<String> keys, Reader reader) {

        List<String> allowedKeys() {
            List<String> allowed = new ArrayList<>(COMMON_KEYS);
            allowed.addAll(keys);
            return allowed;
        }
    }

    private static final String PHRASES_EXAMPLE = "[\"damn\", \"bloody hell\"]";

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        register(new Kind(PhraseRule.KIND, List.of("phrases", "language", "exact", "maxGap"), (id, severity, fields) -> {
            List<String> phrases = phrases(fields, "phrases");
            String language = RuleLanguage.read(fields, "language");
            Boolean exact = flag(fields, "exact");
            Double maxGap = fields.number("maxGap", 0.0, v -> v >= 0 && v <= 50 && v == Math.rint(v),
                    "a whole number of words from 0 to 50 allowed between the phrase's words, e.g. maxGap: 2");
            return phrases == null || exact == null || maxGap == null ? null
                    : new PhraseRule(id, severity, phrases, language, exact, maxGap.intValue());
        }));
        register(new Kind(NearRule.KIND, List.of("words", "within", "language"), RuleKinds::near));
        register(new Kind(RegexRule.KIND, List.of("pattern"), RuleKinds::regex));
        register(new Kind(RequiredPhraseRule.KIND, List.of("phrases", "window", "language"), (id, severity, fields) -> {
            List<String> phrases = phrases(fields, "phrases");
            Optional<Window> window = window(fields);
            String language = RuleLanguage.read(fields, "language");
            return phrases == null || window == null ? null
                    : new RequiredPhraseRule(id, severity, phrases, window.orElse(null), language);
        }));
        register(new Kind(LoudnessRule.KIND, List.of("target", "tolerance", "gate"), (id, severity, fields) -> {
            Double target = fields.number("target", null, v -> v < 0, "a loudness in LUFS below 0, e.g. target: -23.0");
            Double tolerance = fields.number("tolerance", 1.0, v -> v >= 0, "a tolerance in LU of 0 or more, e.g. 1.0");
            LoudnessRule.Gate gate = loudnessGate(fields);
            return target == null || tolerance == null || gate == null ? null
                    : new LoudnessRule(id, severity, target, tolerance, gate);
        }));
        register(new Kind(TruePeakRule.KIND, List.of("max"), (id, severity, fields) -> {
            Double max = fields.number("max", null, v -> v <= 6, "a level in dBTP, e.g. max: -1.0");
            return max == null ? null : new TruePeakRule(id, severity, max);
        }));
        register(new Kind(BlackRule.KIND, List.of("minSeconds"), (id, severity, fields) -> {
            Double seconds = minSeconds(fields, 2.0);
            return seconds == null ? null : new BlackRule(id, severity, seconds);
        }));
        register(new Kind(FreezeRule.KIND, List.of("minSeconds"), (id, severity, fields) -> {
            Double seconds = minSeconds(fields, 5.0);
            return seconds == null ? null : new FreezeRule(id, severity, seconds);
        }));
        register(new Kind(SilenceRule.KIND, List.of("threshold", "minSeconds"), (id, severity, fields) -> {
            Double threshold = fields.number("threshold", -60.0, v -> v < 0, "a level in dBFS below 0, e.g. threshold: -60");
            Double seconds = minSeconds(fields, 3.0);
            return threshold == null || seconds == null ? null : new SilenceRule(id, severity, threshold, seconds);
        }));
        register(new Kind(FlashRule.KIND, List.of(), (id, severity, fields) -> new FlashRule(id, severity)));
        CaptionKinds.all().forEach(RuleKinds::register);
    }

    private static @Nullable Double minSeconds(PackFields fields, double defaultSeconds) {
        return fields.number("minSeconds", defaultSeconds, v -> v >= 0.1, "a number of seconds of at least 0.1, e.g. 2.0");
    }

    private RuleKinds() {
    }

    private static void register(Kind kind) {
        KINDS.put(kind.name(), kind);
    }

    static Optional<Kind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    private static @Nullable Rule near(String id, Severity severity, PackFields fields) {
        List<String> words = phrases(fields, "words");
        String language = RuleLanguage.read(fields, "language");
        Double within = fields.number("within", null, v -> v >= 1 && v <= 50 && v == Math.rint(v),
                "a whole number of words from 1 to 50, e.g. within: 4");
        if (words != null && words.size() < 2) {
            fields.problemAt("words", "a near rule needs at least two words, e.g. words: [guarantee, return]; "
                    + "for one word use a phrase rule");
            return null;
        }
        return words == null || within == null ? null : new NearRule(id, severity, words, within.intValue(), language);
    }

    /** programme (the default) or speech; anything else is a problem (null). */
    private static LoudnessRule.@Nullable Gate loudnessGate(PackFields fields) {
        String text = fields.text("gate");
        if (text == null) {
            return fields.has("gate") ? null : LoudnessRule.Gate.PROGRAMME;
        }
        for (LoudnessRule.Gate gate : LoudnessRule.Gate.values()) {
            if (gate.spelling().equals(text)) {
                return gate;
            }
        }
        fields.problemAt("gate", "must be programme (the whole mix) or speech (the speech map only), not \"" + text + "\"");
        return null;
    }

    /** true or false; absent is false; anything else is a problem (null). */
    private static @Nullable Boolean flag(PackFields fields, String key) {
        String text = fields.text(key);
        if (text == null) {
            return fields.has(key) ? null : Boolean.FALSE;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        }
        fields.problemAt(key, "must be true or false, not \"" + text + "\"");
        return null;
    }

    private static @Nullable List<String> phrases(PackFields fields, String key) {
        List<String> phrases = fields.requiredTextList(key, key.equals("words") ? "[guarantee, return]" : PHRASES_EXAMPLE);
        if (phrases == null) {
            return null;
        }
        boolean valid = !phrases.contains(null);
        for (int i = 0; i < phrases.size(); i++) {
            if (phrases.get(i) != null && FoldedText.wordsOf(phrases.get(i)).isEmpty()) {
                fields.problemAtItem(key, i,
                        "\"" + phrases.get(i) + "\" has no letters or digits, so it can never match");
                valid = false;
            }
        }
        return valid ? phrases : null;
    }

    private static @Nullable Rule regex(String id, Severity severity, PackFields fields) {
        String pattern = fields.requiredText("pattern", "give a regular expression (RE2 syntax), e.g. pattern: '\\bguaranteed? returns\\b'");
        if (pattern == null) {
            return null;
        }
        try {
            if (RulePattern.compile(pattern).matchesEmpty()) {
                fields.problemAt("pattern", "matches empty text, so it would flag everything; require at least one character");
                return null;
            }
        } catch (RulePattern.Refused e) {
            fields.problemAt("pattern", e.getMessage());
            return null;
        }
        return new RegexRule(id, severity, pattern);
    }

    /** Empty when the rule has no window (the whole video); null after a problem. */
    private static @Nullable Optional<Window> window(PackFields rule) {
        if (!rule.has("window")) {
            return Optional.empty();
        }
        PackFields fields = rule.mapping("window", "{from: end, seconds: 30}");
        if (fields == null) {
            return null;
        }
        fields.rejectUnknownKeys(List.of("from", "seconds"), "a window");
        String from = fields.requiredText("from", "say from: start or from: end");
        Window.From side = null;
        if ("start".equalsIgnoreCase(from)) {
            side = Window.From.START;
        } else if ("end".equalsIgnoreCase(from)) {
            side = Window.From.END;
        } else if (from != null) {
            fields.problemAt("from", "must be start or end, not \"" + from + "\"");
        }
        String secondsText = fields.requiredText("seconds", "say how long the window is, e.g. seconds: 30");
        Double seconds = null;
        if (secondsText != null) {
            try {
                seconds = Double.parseDouble(secondsText);
            } catch (NumberFormatException e) {
                seconds = null;
            }
            if (seconds == null || !(seconds > 0) || seconds.isInfinite()) {
                fields.problemAt("seconds", "must be a number of seconds greater than 0, not \"" + secondsText + "\"");
                seconds = null;
            }
        }
        return side == null || seconds == null ? null : Optional.of(new Window(side, seconds));
    }
}
