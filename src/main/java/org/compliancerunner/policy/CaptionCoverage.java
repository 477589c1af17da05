package org.compliancerunner.policy;

import static org.compliancerunner.policy.CaptionQuality.number;
import static org.compliancerunner.policy.CaptionQuality.seconds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.Cue;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.technical.Measurements;
import org.jspecify.annotations.Nullable;

/**
 * Judges captions against the speech map: speech no cue covers, a video with speech and no captions, and cues out
 * of step with the speech they caption. Without a speech map there is nothing to judge them against.
 */
final class CaptionCoverage {

    // uncovered speech closer than this is one stretch to a viewer (a pause inside a sentence)
    static final long JOIN_MS = 1000;

    private CaptionCoverage() {
    }

    static List<Trigger> uncaptioned(UncaptionedSpeechRule rule, @Nullable CaptionTrack track,
                                     @Nullable List<Interval> speech) {
        if (track == null || !track.present() || !track.readable() || speech == null) {
            return List.of();
        }
        List<Interval> covered = track.cues().stream().filter(cue -> !cue.text().isEmpty())
                .map(cue -> new Interval(cue.startMs(), cue.endMs()))
                .sorted(Comparator.comparingLong(Interval::startMs)).toList();
        List<Interval> uncovered = new ArrayList<>();
        for (Interval interval : speech) {
            uncovered.addAll(minus(interval, covered));
        }
        List<List<Interval>> runs = new ArrayList<>();
        for (Interval piece : uncovered) {
            List<Interval> run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (run == null || piece.startMs() - run.get(run.size() - 1).endMs() > JOIN_MS) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(piece);
        }
        List<Trigger> triggers = new ArrayList<>();
        long minMs = Math.round(rule.minSeconds() * 1000);
        for (List<Interval> run : runs) {
            long speechMs = run.stream().mapToLong(Interval::durationMs).sum();
            if (speechMs > 0 && speechMs >= minMs) {
                long start = run.get(0).startMs();
                long end = run.get(run.size() - 1).endMs();
                triggers.add(new Trigger(rule.id(), start, end, rule.severity(), seconds(speechMs, 1)
                        + " s of speech with no caption (" + seconds(start, 3) + "–" + seconds(end, 3)
                        + " s; at least " + number(rule.minSeconds()) + " s flagged)", TechnicalFindings.SOURCE));
            }
        }
        return triggers;
    }

    static List<Trigger> required(CaptionsRequiredRule rule, @Nullable Measurements measured, long durationMs) {
        CaptionTrack track = measured == null ? null : measured.captions();
        if (track == null || track.present()) {
            return List.of(); // captions not read (checked before captions were kept), or there are captions
        }
        long speechMs = measured.speechMs();
        String evidence;
        if (speechMs >= 0) {
            if (speechMs == 0 || speechMs < Math.round(rule.minSeconds() * 1000)) {
                return List.of();
            }
            evidence = seconds(speechMs, 1) + " s of speech and no caption track";
        } else if (measured.loudness() == null) {
            return List.of(); // no sound at all: nothing to caption
        } else {
            evidence = "no caption track (the speech map was not measured, so any sound may be speech)";
        }
        return List.of(new Trigger(rule.id(), 0, Math.max(0, durationMs), rule.severity(), evidence,
                TechnicalFindings.SOURCE));
    }

    /**
     * A cue that begins a stretch of speech must start at most {@code startFrames} after its onset and at most
     * {@code leadFrames} before it; a cue that continues
     * speech already captioned has no onset of its own. A cue may stay up {@code endFrames} past the end of the speech
     * it covers. Cues over no speech (sound descriptions such as "[door slams]") are not judged.
     */
    static List<Trigger> sync(CaptionSyncRule rule, @Nullable CaptionTrack track, @Nullable List<Interval> speech) {
        if (track == null || !track.present() || !track.readable() || speech == null || speech.isEmpty()) {
            return List.of();
        }
        List<Cue> cues = track.cues().stream().filter(cue -> !cue.text().isEmpty())
                .sorted(Comparator.comparingLong(Cue::startMs)).toList();
        List<Trigger> triggers = new ArrayList<>();
        String source = "captions:" + track.format();
        long previousEnd = Long.MIN_VALUE;
        for (Cue cue : cues) {
            List<Interval> heard = speech.stream().filter(s -> s.startMs() < cue.endMs() && s.endMs() > cue.startMs())
                    .toList();
            if (heard.isEmpty()) {
                previousEnd = Math.max(previousEnd, cue.endMs());
                continue;
            }
            List<String> found = new ArrayList<>();
            Interval first = heard.get(0);
            // speech already running when the cue starts, and captioned by the cue before: a continuation
            boolean continues = first.startMs() < cue.startMs() && previousEnd > first.startMs();
            long offset = cue.startMs() - first.startMs();
            long offsetFrames = frames(track, Math.abs(offset));
            if (!continues && (offset > 0 ? offsetFrames > rule.startFrames() : offsetFrames > rule.leadFrames())) {
                found.add("starts " + seconds(Math.abs(offset), 3) + " s " + (offset > 0 ? "after" : "before")
                        + " speech begins at " + seconds(first.startMs(), 3) + " s (" + offsetFrames + " frames > "
                        + (offset > 0 ? rule.startFrames() : rule.leadFrames() + " allowed before") + ")");
            }
            Interval last = heard.get(heard.size() - 1);
            long overrun = cue.endMs() - last.endMs();
            if (overrun > 0 && frames(track, overrun) > rule.endFrames()) {
                found.add("stays " + seconds(overrun, 3) + " s after speech ends at " + seconds(last.endMs(), 3)
                        + " s (" + frames(track, overrun) + " frames > " + rule.endFrames() + ")");
            }
            if (!found.isEmpty()) {
                triggers.add(new Trigger(rule.id(), cue.startMs(), cue.endMs(), rule.severity(),
                        CaptionQuality.label(cue) + " " + String.join("; ", found), source));
            }
            previousEnd = Math.max(previousEnd, cue.endMs());
        }
        return triggers;
    }

    private static long frames(CaptionTrack track, long millis) {
        return Math.round(millis * track.frameRate() / 1000.0);
    }

    /** The parts of {@code interval} outside every one of {@code covered} (sorted by start). */
    static List<Interval> minus(Interval interval, List<Interval> covered) {
        List<Interval> left = new ArrayList<>();
        long from = interval.startMs();
        for (Interval cover : covered) {
            if (cover.endMs() <= from) {
                continue;
            }
            if (cover.startMs() >= interval.endMs()) {
                break;
            }
            if (cover.startMs() > from) {
                left.add(new Interval(from, cover.startMs()));
            }
            from = Math.max(from, cover.endMs());
        }
        if (from < interval.endMs()) {
            left.add(new Interval(from, interval.endMs()));
        }
        return left;
    }
}
