package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.compliancerunner.language.Languages;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePackParser;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptFiles;
import org.compliancerunner.speech.TranscriptSegment;
import org.compliancerunner.speech.TranscriptionException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules test PACK TRANSCRIPT}: what a pack flags in a transcript file, with no media and no database. */
@Component
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Judge a transcript file with a rule pack and print the triggers as analyze does: no media, "
                + "no database. For rule authors iterating on a pack.",
                "TRANSCRIPT is .srt, .vtt or .txt (UTF-8; one segment per line, line N at second N-1).",
                "caption-quality rules judge a .srt or .vtt file's cues as written (at 25 fps); rules that need the "
                        + "sound or the picture (loudness, uncaptioned-speech, caption-sync, …) have nothing to judge here.",
                "Exit 0 (triggers or not), 1 when the transcript cannot be read, 2 for an invalid pack or language."})
public class RulesTestCommand implements Callable<Integer> {

    private final RulePackParser packs;
    private final PolicyEngine policy;
    private final JsonOutput output;

    @Mixin
    CommandStreams streams;

    @Parameters(index = "0", paramLabel = "PACK", description = "The rule pack YAML file.")
    Path packFile;

    @Parameters(index = "1", paramLabel = "TRANSCRIPT", description = "The transcript: .srt, .vtt or .txt.")
    Path transcriptFile;

    @Option(names = "--language", paramLabel = "L",
            description = "The transcript's language (default: detected per line). One of: auto, " + Languages.CODES + ".")
    @Nullable String language;

    @Mixin
    JsonOption json;

    RulesTestCommand(RulePackParser packs, PolicyEngine policy, JsonOutput output) {
        this.packs = packs;
        this.policy = policy;
        this.output = output;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        String code = language == null ? null : language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        code = Languages.AUTO.equals(code) ? null : code;
        if (code != null && !Languages.isSupported(code)) {
            err.println("--language " + language + ": no analyzer for it; supported: " + String.join(", ", Languages.supported()));
            err.flush();
            return ExitCodes.USAGE;
        }
        RulePack pack;
        try {
            pack = packs.parse(packFile);
        } catch (RulePackException e) {
            e.details().forEach(p -> err.println(packFile + (p.line() > 0 ? ":" + p.line() : "") + ":"
                    + (p.field().isEmpty() ? "" : " " + p.field() + ":") + " " + p.message()));
            err.flush();
            return ExitCodes.USAGE;
        }
        Transcript transcript;
        CaptionTrack captions;
        try {
            transcript = TranscriptFiles.read(transcriptFile).withLanguage(code);
            captions = TranscriptFiles.captions(transcriptFile);
        } catch (TranscriptionException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        long end = transcript.segments().stream().mapToLong(TranscriptSegment::endMs).max().orElse(0);
        // caption rules judge a caption file as written; rules that need sound or picture have nothing to judge here
        Measurements measured = captions == null ? null
                : Measurements.none("only the caption file was given").withCaptions(captions);
        List<Trigger> triggers = policy.evaluate(pack, transcript, measured, end).stream()
                .filter(t -> !PolicyEngine.SPEECH_UNAVAILABLE.equals(t.ruleId())).toList();
        if (json.requested()) {
            for (Trigger t : triggers) {
                output.line(out, JsonOutput.object("ruleId", t.ruleId(), "startMs", t.startMs(), "endMs", t.endMs(),
                        "severity", t.severity().label(), "evidence", t.evidence(), "matchedText", t.matchedText(),
                        "source", t.source()));
            }
            return ExitCodes.OK;
        }
        out.printf("Triggers (rule pack %s v%d, %d segment(s)): %s%n", pack.name(), pack.version(),
                transcript.segments().size(), triggers.isEmpty() ? "none" : triggers.size());
        for (Trigger t : triggers) {
            out.printf("   %s–%s  %-8s %s  %s%n", Timecode.of(t.startMs()), Timecode.of(t.endMs()),
                    t.severity().label(), t.ruleId(), t.evidence());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
