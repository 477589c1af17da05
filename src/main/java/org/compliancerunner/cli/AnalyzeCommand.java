package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.CaptionTrackJson;
import org.compliancerunner.inspection.Inspection;
import org.compliancerunner.inspection.TimeLimitedInspection;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.technical.MeasurementsJson;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.policy.Rule;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePackParser;
import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.SilenceRule;
import org.compliancerunner.policy.Trigger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Checks one file without the database: what is said in it and how it is made (loudness, true peak, "
                + "black and frozen picture, silence, photosensitive flashes), judged by a rule pack.",
                "For an editor's check before upload, or a CI gate with --fail-on. Exit 0 checked, 3 a trigger at or "
                        + "above --fail-on, 1 the file could not be checked to its end or within its time budget "
                        + "(compliance.sweep.video-timeout; what was measured is still shown), 2 usage error or invalid rule pack."})
class AnalyzeCommand implements Callable<Integer> {

    // ffmpeg silencedetect's default, used to list silences when the pack has no silence rule
    private static final SilenceRule DEFAULT_SILENCE = new SilenceRule("silence", Severity.INFO, -60, 2);

    @Mixin
    CommandStreams streams;

    @Parameters(paramLabel = "FILE", description = "The audio or video file to check.")
    Path file;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule pack to apply instead of the built-in default pack.")
    @Nullable Path rules;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 3 when a trigger is at or above this severity: info, low, medium, high, critical.")
    @Nullable String failOn;

    @Mixin
    JsonOption json;

    private final TimeLimitedInspection inspection;
    private final RulePackParser packs;
    private final JsonOutput output;
    // looked up for --json only: the text report never builds the mapper
    private final ObjectProvider<JsonMapper> mapper;

    AnalyzeCommand(TimeLimitedInspection inspection, RulePackParser packs, JsonOutput output,
                   ObjectProvider<JsonMapper> mapper) {
        this.inspection = inspection;
        this.packs = packs;
        this.output = output;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        inspection.prepare(); // the speech model loads on the other core while the rule pack is read
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        Severity threshold = failOn == null ? null : Severity.parse(failOn);
        if (failOn != null && threshold == null) {
            err.println("error: --fail-on must be one of info, low, medium, high, critical, not \"" + failOn + "\"");
            return ExitCodes.USAGE;
        }
        RulePack pack;
        try {
            pack = rules == null ? packs.defaultPack() : packs.parse(rules);
        } catch (RulePackException e) {
            err.println("The rule pack is not valid:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return ExitCodes.USAGE;
        }
        Inspection found = inspection.inspect(file, null, pack);
        SilenceRule silence = pack.rules().stream().filter(SilenceRule.class::isInstance).map(SilenceRule.class::cast)
                .findFirst().orElse(DEFAULT_SILENCE);
        if (json.requested()) {
            output.line(out, json(found, silence));
        } else {
            printText(out, found, pack, silence);
        }
        if (!found.succeeded()) {
            err.println("error: " + found.failureReason());
            err.flush();
            return ExitCodes.FAILED;
        }
        boolean gate = threshold != null
                && found.triggers().stream().anyMatch(trigger -> trigger.severity().compareTo(threshold) >= 0);
        return gate ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private ObjectNode json(Inspection found, SilenceRule silence) {
        JsonMapper mapper = this.mapper.getObject();
        MeasurementsJson shapes = new MeasurementsJson(mapper);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", found.file().toString());
        if (found.info() != null && found.info().durationMs() >= 0) {
            root.put("durationMs", found.info().durationMs());
        } else {
            root.putNull("durationMs");
        }
        Measurements measured = found.measurements();
        Loudness loudness = measured == null ? null : measured.loudness();
        if (loudness == null) {
            root.putNull("loudness");
        } else {
            ObjectNode node = root.putObject("loudness");
            node.set("integrated", shapes.level(loudness.integrated()));
            node.set("range", shapes.level(loudness.range()));
            node.set("truePeak", shapes.level(loudness.truePeak()));
            node.set("momentaryMax", shapes.level(loudness.momentaryMax()));
            node.set("shortTermMax", shapes.level(loudness.shortTermMax()));
            if (loudness.speechGatedMeasured()) {
                node.set("speechGatedIntegrated", shapes.level(loudness.speechGatedIntegrated()));
            } else {
                node.putNull("speechGatedIntegrated");
            }
            node.set("timeline", shapes.levels(loudness.timeline()));
        }
        ObjectNode intervals = root.putObject("intervals");
        putIntervals(shapes, intervals, "black", measured == null ? null : measured.black());
        putIntervals(shapes, intervals, "freeze", measured == null ? null : measured.freeze());
        putIntervals(shapes, intervals, "silence", measured == null || measured.levels() == null ? null
                : measured.levels().silences(silence.threshold(), Math.round(silence.minSeconds() * 1000)));
        if (measured == null || measured.speech() == null) {
            intervals.putNull("speech");
        } else {
            ArrayNode speech = intervals.putArray("speech");
            measured.speech().forEach(segment -> speech.addObject().put("startMs", segment.startMs())
                    .put("endMs", segment.endMs()));
        }
        if (measured == null || measured.captions() == null) {
            root.putNull("captions");
        } else {
            root.set("captions", CaptionTrackJson.write(mapper, measured.captions()));
        }
        if (measured == null || measured.flash() == null) {
            root.putNull("flash");
        } else {
            root.set("flash", shapes.flash(measured.flash()));
        }
        ArrayNode triggers = root.putArray("triggers");
        for (Trigger trigger : found.triggers()) {
            triggers.addObject().put("ruleId", trigger.ruleId()).put("startMs", trigger.startMs())
                    .put("endMs", trigger.endMs()).put("severity", trigger.severity().label())
                    .put("evidence", trigger.evidence()).put("matchedText", trigger.matchedText());
        }
        ArrayNode notes = root.putArray("notes");
        if (measured != null) {
            measured.notes().forEach(notes::add);
        }
        if (found.failureReason() == null) {
            root.putNull("error");
        } else {
            root.put("error", found.failureReason());
        }
        return root;
    }

    private static void putIntervals(MeasurementsJson shapes, ObjectNode parent, String name,
                                     @Nullable List<Interval> intervals) {
        if (intervals == null) {
            parent.putNull(name);
        } else {
            parent.set(name, shapes.intervals(intervals));
        }
    }

    private static void printText(PrintWriter out, Inspection found, RulePack pack, SilenceRule silence) {
        out.println(found.file().getFileName() + (found.info() == null ? ""
                : "  " + Timecode.seconds(found.info().durationMs() < 0 ? null : found.info().durationMs()) + "  "
                + streams(found)));
        Measurements measured = found.measurements();
        if (measured == null) {
            out.println("Nothing measured.");
            out.flush();
            return;
        }
        Loudness loudness = measured.loudness();
        line(out, "Loudness", loudness == null ? "not measured: no audio stream"
                : String.format(Locale.ROOT, "integrated %s LUFS · range %s LU · true peak %s dBTP · max momentary %s · "
                        + "max short-term %s LUFS", level(loudness.integrated()), level(loudness.range()),
                level(loudness.truePeak()), level(loudness.momentaryMax()), level(loudness.shortTermMax()))
                + (loudness.speechGatedMeasured() ? " · speech-gated " + level(loudness.speechGatedIntegrated()) + " LUFS" : ""));
        line(out, "Black", intervals(measured.black(), "no video stream"));
        line(out, "Freeze", intervals(measured.freeze(), "no video stream"));
        line(out, "Silence", measured.levels() == null ? "not measured: no audio stream"
                : intervals(measured.levels().silences(silence.threshold(), Math.round(silence.minSeconds() * 1000)), null)
                + String.format(Locale.ROOT, " (below %.0f dBFS for %.1f s or more)", silence.threshold(), silence.minSeconds()));
        line(out, "Flash", measured.flash() == null ? "not measured: no video stream"
                : measured.flash().verdict() + " (" + measured.flash().frames().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .sorted().collect(Collectors.joining(", ")) + " frames)");
        line(out, "Speech", measured.speech() == null ? "not measured (see the notes)"
                : String.format(Locale.ROOT, "%d segment%s, %.1f s of %s s", measured.speech().size(),
                measured.speech().size() == 1 ? "" : "s", measured.speechMs() / 1000.0,
                found.info() == null || found.info().durationMs() < 0 ? "?"
                        : String.format(Locale.ROOT, "%.1f", found.info().durationMs() / 1000.0)));
        if (measured.captions() != null) {
            line(out, "Captions", captions(measured.captions()));
        }
        if (found.transcript() != null) {
            line(out, "Transcript", found.transcript().available()
                    ? found.transcript().source() + ", " + found.transcript().segments().size() + " segment(s)"
                    : "not checked: " + found.transcript().note());
        }
        measured.notes().forEach(note -> line(out, "Note", note));
        out.println();
        out.printf("Triggers (rule pack %s v%d): %s%n", pack.name(), pack.version(),
                found.triggers().isEmpty() ? "none" : found.triggers().size());
        for (Trigger trigger : found.triggers()) {
            out.printf("   %s–%s  %-8s %s  %s%n", Timecode.of(trigger.startMs()), Timecode.of(trigger.endMs()),
                    trigger.severity().label(), trigger.ruleId(), trigger.evidence());
        }
        out.flush();
    }

    private static String captions(CaptionTrack track) {
        if (!track.present()) {
            return "none";
        }
        if (!track.readable()) {
            return track.origin() + ", not readable as text";
        }
        return String.format(Locale.ROOT, "%s, %d cue%s%s", track.origin(), track.cues().size(),
                track.cues().size() == 1 ? "" : "s", track.problems().isEmpty() ? ""
                        : ", " + track.problems().size() + " line(s) not read");
    }

    private static String streams(Inspection found) {
        return java.util.stream.Stream.of(found.info().video(), found.info().audio())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
    }

    private static void line(PrintWriter out, String label, String text) {
        out.printf("%-10s %s%n", label, text);
    }

    private static String intervals(@Nullable List<Interval> intervals, String whyMissing) {
        if (intervals == null) {
            return "not measured: " + whyMissing;
        }
        if (intervals.isEmpty()) {
            return "none";
        }
        return intervals.stream().map(i -> String.format(Locale.ROOT, "%.3f–%.3f s", i.startMs() / 1000.0, i.endMs() / 1000.0))
                .collect(Collectors.joining(", "));
    }

    private static String level(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : "-inf";
    }
}
