package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptFiles;
import org.compliancerunner.speech.TranscriptSegment;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recall and precision of dictionary-form phrases on Universal Dependencies dev sets, whose lemmas are the ground
 * truth: ../shared/tools/phrase-cases.py writes the pack, captions and expected matches; the scoring is its own,
 * ported here. Skipped when the fixtures or python3 are absent, except under CI=true.
 */
class PhraseCasesTest {

    private static final Path SHARED = Path.of("../shared").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ru, ru_gsd-ud-dev.conllu", "en, en_ewt-ud-dev.conllu"})
    void dictionaryFormPhrasesAreFoundInInflectedText(String language, String treebank) throws Exception {
        Path tool = SHARED.resolve("tools/phrase-cases.py");
        Path conllu = SHARED.resolve("fixtures/text").resolve(treebank);
        require(Files.isRegularFile(tool) && Files.isRegularFile(conllu),
                tool + " or " + conllu + " is absent: see ../shared/fixtures/text/README.md");
        Process make = new ProcessBuilder("python3", tool.toString(), "make", conllu.toString(), dir.toString(),
                "--rules", "500", "--seed", "7").redirectErrorStream(true).start();
        String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(make.waitFor(120, TimeUnit.SECONDS) && make.exitValue() == 0, "phrase-cases.py make failed: " + log);

        RulePack pack = new RulePackParser().parse(dir.resolve("pack.yaml"));
        Transcript transcript = TranscriptFiles.read(dir.resolve("transcript.srt"));
        long end = transcript.segments().stream().mapToLong(TranscriptSegment::endMs).max().orElse(0);
        Map<String, Set<Integer>> found = new HashMap<>();
        for (Trigger trigger : new PolicyEngine().evaluate(pack, transcript, end)) {
            // cue i spans i*10 s .. i*10+8 s, as the tool writes them
            found.computeIfAbsent(trigger.ruleId(), r -> new HashSet<>()).add((int) (trigger.startMs() / 10_000));
        }
        int expectedCount = 0;
        int foundCount = 0;
        int hits = 0;
        for (String line : Files.readAllLines(dir.resolve("expected.tsv")).subList(1, 501)) {
            String[] columns = line.split("\t", -1);
            Set<Integer> expected = new HashSet<>();
            for (String cue : columns[2].split(",")) {
                if (!cue.isEmpty()) {
                    expected.add(Integer.parseInt(cue));
                }
            }
            Set<Integer> got = found.getOrDefault(columns[0], Set.of());
            expectedCount += expected.size();
            foundCount += got.size();
            hits += (int) got.stream().filter(expected::contains).count();
        }
        double recall = (double) hits / expectedCount;
        double precision = (double) hits / foundCount;
        System.out.printf("%s: recall %.3f (%d/%d), precision %.3f (%d/%d)%n", language, recall, hits, expectedCount,
                precision, hits, foundCount);

        assertThat(recall).as("recall in " + language).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).as("precision in " + language).isGreaterThanOrEqualTo(0.95);
        assertThat(List.of(pack.rules().size())).containsExactly(500);
    }

    private static void require(boolean condition, String reason) {
        if (!condition && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(condition, reason);
    }
}
