package org.compliancerunner.media.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.media.technical.TechnicalAnalysis;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The speech map from Silero VAD through the real decode pass, against outside references: the segments whisper.cpp
 * documents for its own Silero conversion on jfk.wav, spoken clips, and test tones and noise that hold no speech.
 */
class VoiceActivityTest {

    private static final VoiceActivityModel MODEL = new VoiceActivityModel(VoiceActivityProperties.defaults());
    private static final Pattern SEGMENT = Pattern.compile("(\\d+\\.\\d+)-(\\d+\\.\\d+)");

    private final MediaDecoder decoder = new MediaDecoder();

    @TempDir
    Path temp;

    @Test
    void jfkSpeechMatchesTheReferenceSegments() throws Exception {
        List<Interval> reference = referenceSegments();
        assertThat(reference).hasSize(5);

        List<Interval> found = speech(Fixtures.require("speech/jfk.wav"));

        long covered = overlap(reference, found);
        assertThat((double) covered / total(reference)).as("reference speech covered by %s", found).isGreaterThanOrEqualTo(0.90);
        assertThat((double) covered / total(found)).as("marked speech inside the reference %s", reference)
                .isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LJ001-0001.wav", "LJ001-0002.wav", "LDC93S1.wav", "sense_and_sensibility_01_austen_64kb-0870.wav"})
    void spokenClipsAreMostlySpeechFromTheirFirstToTheirLastWords(String clip) throws Exception {
        Path file = Fixtures.require("speech/" + clip);
        long duration = new MediaProbe().probe(file).durationMs();

        List<Interval> found = speech(file);

        assertThat(found).as("speech in %s", clip).isNotEmpty();
        assertThat(found.get(0).startMs()).as("speech starts near the first word").isLessThan(1000);
        assertThat(found.get(found.size() - 1).endMs()).as("and ends near the last").isGreaterThan(duration - 1000);
        assertThat((double) total(found) / duration).as("share of %s marked as speech: %s", clip, found)
                .isGreaterThan(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1kHz_Sine_-20_LUFS-16bit.wav", "seq-3341-1-16bit.wav", "1770-2_Comp_AbsGateTest.wav"})
    void testTonesHoldNoSpeech(String tone) throws Exception {
        assertThat(speech(Fixtures.require("loudness/" + tone))).isEmpty();
    }

    @Test
    void silenceAndNoiseHoldNoSpeech() throws Exception {
        Random random = new Random(7);
        float[] noise = new float[16_000 * 8];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.05);
        }
        assertThat(speech(wav("silence.wav", new float[16_000 * 8]))).isEmpty();
        assertThat(speech(wav("noise.wav", noise))).isEmpty();
    }

    @Test
    void aModelClosedWhileItLoadsEndsWithNoSessionLeftOpen() throws Exception {
        VoiceActivityModel closing = new VoiceActivityModel(VoiceActivityProperties.defaults());
        closing.preload();
        Thread.sleep(30); // into the session's creation, which takes about a tenth of a second
        closing.destroy();

        // a session made after the close would never be closed: detector() would hand it out
        assertThat(closing.detector()).isEmpty();
        assertThat(closing.unavailable()).contains("shutting down");
    }

    @Test
    void aCorruptModelLeavesTheSpeechMapNotMeasuredAndEverythingElseMeasured() throws Exception {
        Path corrupt = Files.writeString(temp.resolve("broken.onnx"), "not an onnx model");
        VoiceActivityModel broken = new VoiceActivityModel(new VoiceActivityProperties(true, corrupt, 0.5,
                java.time.Duration.ofMillis(250), java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(30)));
        Path file = Fixtures.require("speech/jfk.wav");

        assertThat(broken.detector()).isEmpty();
        Measurements measured;
        try (TechnicalAnalysis analysis = TechnicalAnalysis.of(new MediaProbe().probe(file), broken)) {
            decoder.decode(file, analysis.listeners());
            measured = analysis.measurements();
        }

        assertThat(measured.speech()).isNull();
        assertThat(measured.notes()).anyMatch(note -> note.startsWith("speech map not measured: cannot load "
                + corrupt));
        assertThat(measured.loudness()).as("loudness is still measured").isNotNull();
    }

    private List<Interval> speech(Path file) throws Exception {
        try (TechnicalAnalysis analysis = TechnicalAnalysis.of(new MediaProbe().probe(file), MODEL)) {
            decoder.decode(file, analysis.listeners());
            Measurements measured = analysis.measurements();
            assertThat(measured.speech()).as("speech map of %s: %s", file, measured.notes()).isNotNull();
            return measured.speech();
        }
    }

    private static List<Interval> referenceSegments() throws IOException {
        String row = Files.readAllLines(Fixtures.require("models/MANIFEST.tsv")).stream()
                .filter(line -> line.startsWith("for-tests-silero-v6.2.0-ggml.bin")).findFirst().orElseThrow();
        String documented = row.substring(row.indexOf("documents 5 segments"));
        List<Interval> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(documented);
        while (matcher.find()) {
            segments.add(new Interval(Math.round(Double.parseDouble(matcher.group(1)) * 1000),
                    Math.round(Double.parseDouble(matcher.group(2)) * 1000)));
        }
        return segments;
    }

    private static long total(List<Interval> intervals) {
        return intervals.stream().mapToLong(interval -> interval.endMs() - interval.startMs()).sum();
    }

    private static long overlap(List<Interval> a, List<Interval> b) {
        long sum = 0;
        for (Interval x : a) {
            for (Interval y : b) {
                sum += Math.max(0, Math.min(x.endMs(), y.endMs()) - Math.max(x.startMs(), y.startMs()));
            }
        }
        return sum;
    }

    private Path wav(String name, float[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767));
        }
        Path file = temp.resolve(name);
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
