package org.compliancerunner.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The caption rule kinds and how a pack spells them; registered by {@link RuleKinds}. */
final class CaptionKinds {

    /** A style guide's limits for one audience. */
    record Preset(double minSeconds, double maxSeconds, int minGapFrames, int maxLineLength, int maxLines,
                  double adultCharsPerSecond, double childrenCharsPerSecond) {
    }

    // the Netflix Timed Text Style Guide: 5/6 s to 7 s, 2 frames apart, 2 lines of 42, 17 cps (13 for children)
    static final Map<String, Preset> PRESETS = Map.of("netflix", new Preset(5.0 / 6, 7, 2, 42, 2, 17, 13));

    static final String DEFAULT_PRESET = "netflix";

    private CaptionKinds() {
    }

    static List<RuleKinds.Kind> all() {
        return List.of(
                new RuleKinds.Kind(CaptionQualityRule.KIND, List.of("preset", "audience", "minSeconds", "maxSeconds",
                        "minGapFrames", "maxLineLength", "maxLines", "maxCharsPerSecond"), CaptionKinds::quality),
                new RuleKinds.Kind(UncaptionedSpeechRule.KIND, List.of("minSeconds"), (id, severity, fields) -> {
                    Double seconds = seconds(fields, "minSeconds", 2.0);
                    return seconds == null ? null : new UncaptionedSpeechRule(id, severity, seconds);
                }),
                new RuleKinds.Kind(CaptionsRequiredRule.KIND, List.of("minSeconds"), (id, severity, fields) -> {
                    Double seconds = seconds(fields, "minSeconds", 2.0);
                    return seconds == null ? null : new CaptionsRequiredRule(id, severity, seconds);
                }),
                new RuleKinds.Kind(CaptionSyncRule.KIND, List.of("startFrames", "leadFrames", "endFrames"),
                        (id, severity, fields) -> {
                    Double start = frames(fields, "startFrames", 3);
                    Double lead = frames(fields, "leadFrames", 12);
                    Double end = frames(fields, "endFrames", 12);
                    return start == null || lead == null || end == null ? null
                            : new CaptionSyncRule(id, severity, start.intValue(), lead.intValue(), end.intValue());
                }));
    }

    private static @Nullable Rule quality(String id, Severity severity, PackFields fields) {
        String presetName = fields.text("preset");
        presetName = presetName == null ? DEFAULT_PRESET : presetName.toLowerCase(Locale.ROOT);
        Preset preset = PRESETS.get(presetName);
        if (preset == null) {
            fields.problemAt("preset", "unknown preset \"" + presetName + "\"; known: " + String.join(", ",
                    PRESETS.keySet()) + " (or give minSeconds, maxSeconds, minGapFrames, maxLineLength, maxLines and"
                    + " maxCharsPerSecond yourself)");
            return null;
        }
        String audience = fields.text("audience");
        audience = audience == null ? "adult" : audience.toLowerCase(Locale.ROOT);
        if (!audience.equals("adult") && !audience.equals("children")) {
            fields.problemAt("audience", "must be adult or children, not \"" + audience + "\"");
            return null;
        }
        Double min = seconds(fields, "minSeconds", preset.minSeconds());
        Double max = fields.number("maxSeconds", preset.maxSeconds(), v -> v > 0,
                "a number of seconds above 0, e.g. maxSeconds: 7");
        Double gap = frames(fields, "minGapFrames", preset.minGapFrames());
        Double length = count(fields, "maxLineLength", preset.maxLineLength(), "characters, e.g. maxLineLength: 42");
        Double lines = count(fields, "maxLines", preset.maxLines(), "lines, e.g. maxLines: 2");
        Double cps = fields.number("maxCharsPerSecond",
                audience.equals("children") ? preset.childrenCharsPerSecond() : preset.adultCharsPerSecond(),
                v -> v > 0, "characters per second above 0, e.g. maxCharsPerSecond: 17");
        if (min == null || max == null || gap == null || length == null || lines == null || cps == null) {
            return null;
        }
        if (max < min) {
            fields.problemAt("maxSeconds", "must not be below minSeconds (" + min + ")");
            return null;
        }
        return new CaptionQualityRule(id, severity, presetName, audience, min, max, gap.intValue(), length.intValue(),
                lines.intValue(), cps);
    }

    private static @Nullable Double seconds(PackFields fields, String key, double defaultSeconds) {
        return fields.number(key, defaultSeconds, v -> v >= 0, "a number of seconds of 0 or more, e.g. " + key + ": 2.0");
    }

    private static @Nullable Double frames(PackFields fields, String key, int defaultFrames) {
        return fields.number(key, (double) defaultFrames, v -> v >= 0 && v == Math.rint(v),
                "a whole number of frames of 0 or more, e.g. " + key + ": " + defaultFrames);
    }

    private static @Nullable Double count(PackFields fields, String key, int defaultCount, String what) {
        return fields.number(key, (double) defaultCount, v -> v >= 1 && v == Math.rint(v), "a whole number of " + what);
    }
}
