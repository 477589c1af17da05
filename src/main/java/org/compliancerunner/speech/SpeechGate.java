package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.compliancerunner.media.Interval;

/**
 * Keeps speech recognition to where people speak, by the speech map of the voice-activity detector: a recogniser
 * writes plausible text over music and silence ("Thank you for watching"), and that text must raise no finding.
 * Audio outside the padded map is silenced before it is sent, and text whose time falls outside it is dropped and
 * counted in the transcript's note.
 */
public final class SpeechGate {

    // words run a little past the detector's edges; Silero's own padding is 30 ms, recognisers' timings are looser
    static final long PADDING_MS = 300;

    private final List<Interval> speech;

    private SpeechGate(List<Interval> speech) {
        this.speech = List.copyOf(speech);
    }

    /** A gate for this speech map. */
    public static SpeechGate of(List<Interval> speech) {
        return new SpeechGate(speech);
    }

    /** Whether anything said from start to end overlaps speech. */
    boolean covers(long startMs, long endMs) {
        return speech.stream().anyMatch(interval -> startMs < interval.endMs() + PADDING_MS
                && endMs > interval.startMs() - PADDING_MS);
    }

    /** The transcript without the segments outside speech; the note says how many were dropped. */
    Transcript apply(Transcript transcript) {
        List<TranscriptSegment> kept = transcript.segments().stream()
                .filter(segment -> covers(segment.startMs(), segment.endMs())).toList();
        int dropped = transcript.segments().size() - kept.size();
        if (dropped == 0) {
            return transcript;
        }
        String note = (transcript.note() == null || transcript.note().isBlank() ? "" : transcript.note() + "; ")
                + dropped + " segment(s) outside speech dropped";
        return new Transcript(transcript.source(), kept, note, transcript.language());
    }

    /** Silences, in place, the samples of a 16 kHz 16-bit mono WAV file (44-byte header) outside speech. */
    void silenceOutside(Path wav, long samples) throws IOException {
        try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long from = 0;
            for (Interval interval : speech) {
                long start = Math.max(0, toSample(interval.startMs() - PADDING_MS));
                zero(channel, from, Math.min(start, samples));
                from = Math.max(from, toSample(interval.endMs() + PADDING_MS));
            }
            zero(channel, from, samples);
        }
    }

    private static void zero(FileChannel channel, long fromSample, long toSample) throws IOException {
        ByteBuffer silence = ByteBuffer.allocate(1 << 16);
        long position = 44 + fromSample * 2;
        long end = 44 + toSample * 2;
        while (position < end) {
            silence.clear().limit((int) Math.min(silence.capacity(), end - position));
            position += channel.write(silence, position);
        }
    }

    private static long toSample(long millis) {
        return millis * AudioWindows.SAMPLE_RATE / 1000;
    }
}
