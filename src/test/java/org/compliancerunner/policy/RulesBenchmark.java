package org.compliancerunner.policy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptFiles;
import org.compliancerunner.speech.TranscriptSegment;

/**
 * {@code scripts/bench rules}: a pack judged on a transcript with language analysis against the same pack with every
 * phrase rule {@code exact: true} (the surface matcher of before, the reference), in the same JVM, best of 10 after 20
 * warm-up runs; then the default pack on the first 10 minutes of the transcript, the cost a sweep pays per video. Kept in
 * the test sources so it never ships in the jar.
 *
 * <p>Arguments: pack file, transcript file (.srt, .vtt or .txt).
 */
public final class RulesBenchmark {

    private static final int RUNS = 10;

    // enough runs for the JIT to compile the matching code, which a sweep reaches after a few videos
    private static final int WARM_UP = 20;

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RulePackParser parser = new RulePackParser();
        PolicyEngine engine = new PolicyEngine();
        RulePack pack = parser.parse(Path.of(args[0]));
        Transcript transcript = TranscriptFiles.read(Path.of(args[1]));
        long end = transcript.segments().stream().mapToLong(TranscriptSegment::endMs).max().orElse(0);

        long coldStart = System.nanoTime();
        int found = engine.evaluate(pack, transcript, end).size();
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        RulePack surface = exact(pack);
        double analysedMs = best(() -> engine.evaluate(pack, transcript, end));
        double surfaceMs = best(() -> engine.evaluate(surface, transcript, end));
        System.out.printf(Locale.ROOT, "%d rules, %d cues: %d triggers with language analysis, %d on the surface%n",
                pack.rules().size(), transcript.segments().size(), found, engine.evaluate(surface, transcript, end).size());
        System.out.printf(Locale.ROOT, "  first run (loads the analyzers and dictionaries): %.0f ms%n", coldMs);
        System.out.printf(Locale.ROOT, "  language analysis: %.1f ms   surface (before): %.1f ms   ratio %.2f   (goal < 1000 ms)%n",
                analysedMs, surfaceMs, analysedMs / surfaceMs);

        List<TranscriptSegment> tenMinutes = transcript.segments().stream().filter(s -> s.startMs() < 600_000).toList();
        Transcript shortOne = new Transcript(transcript.source(), tenMinutes, null);
        RulePack defaults = parser.defaultPack();
        RulePack defaultsSurface = exact(defaults);
        double perVideo = best(() -> engine.evaluate(defaults, shortOne, 600_000));
        double perVideoSurface = best(() -> engine.evaluate(defaultsSurface, shortOne, 600_000));
        System.out.printf(Locale.ROOT, "default pack on 10 minutes (%d cues): %.2f ms, surface %.2f ms: +%.2f ms per video (goal < 5 ms)%n",
                tenMinutes.size(), perVideo, perVideoSurface, perVideo - perVideoSurface);
    }

    /** The same pack with every phrase rule matched on the surface, as all were before language analysis. */
    private static RulePack exact(RulePack pack) {
        List<Rule> rules = pack.rules().stream().map(rule -> rule instanceof PhraseRule p
                ? new PhraseRule(p.id(), p.severity(), p.phrases(), p.language(), true, 0) : rule).toList();
        return new RulePack(pack.name(), pack.version(), pack.checksum(), pack.body(), rules, pack.language());
    }

    private static double best(Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return Arrays.stream(ms).min().orElse(0);
    }
}
