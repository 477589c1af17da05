package org.compliancerunner.captions;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The captions a video carries, as written: a sidecar file or a text subtitle stream. Rules judge its cues in the
 * video's frames ({@code frameRate}), so the track keeps the rate it is judged at.
 *
 * @param format   "srt", "vtt" or "embedded"; null when the video has no captions at all
 * @param origin   where the captions came from, e.g. "clip.en.srt" or "subtitle stream 0"
 * @param readable false when the captions exist but are pictures (DVD, PGS, DVB), which cannot be judged as text
 * @param problems what could not be read, by line; the rest of the file is still read
 */
public record CaptionTrack(@Nullable String format, @Nullable String origin, boolean readable, double frameRate, List<Cue> cues,
                           List<CaptionProblem> problems) {

    public static final String SRT = "srt";
    public static final String VTT = "vtt";
    public static final String EMBEDDED = "embedded";

    /** Frames per second when the file has no picture: the EBU/PAL rate most caption guides assume. */
    public static final double DEFAULT_FRAME_RATE = 25;

    public CaptionTrack {
        cues = List.copyOf(cues);
        problems = List.copyOf(problems);
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            frameRate = DEFAULT_FRAME_RATE;
        }
    }

    /** A video without captions. */
    public static CaptionTrack none(double frameRate) {
        return new CaptionTrack(null, null, false, frameRate, List.of(), List.of());
    }

    /** Captions that exist but cannot be read as text, and why. */
    public static CaptionTrack unreadable(String origin, double frameRate, String why) {
        return new CaptionTrack(EMBEDDED, origin, false, frameRate, List.of(), List.of(new CaptionProblem(0, why)));
    }

    public boolean present() {
        return format != null;
    }

    /** The same track judged at the video's frame rate. */
    public CaptionTrack atFrameRate(double rate) {
        return new CaptionTrack(format, origin, readable, rate, cues, problems);
    }

    /** Milliseconds of {@code frames} frames at the track's frame rate. */
    public double framesMs(double frames) {
        return frames * 1000.0 / frameRate;
    }
}
