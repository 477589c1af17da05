package org.compliancerunner.media.technical;

import java.util.List;

import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;
import org.compliancerunner.media.Interval;
import org.jspecify.annotations.Nullable;

/**
 * How a video is made, measured in its one decode pass. A part is null when the file has no stream for it (no sound:
 * no loudness, levels or speech map; no picture: no black, freeze or flash) or it could not be measured;
 * {@code notes} says so in words. {@code speech} is where people speak, from the voice-activity detector.
 * {@code captions} is the caption track the video carries as written ({@link CaptionTrack#none} when it has none),
 * or null when captions were not read.
 */
public record Measurements(@Nullable Loudness loudness, @Nullable AudioLevels levels, @Nullable List<Interval> black,
                           @Nullable List<Interval> freeze, @Nullable FlashReport flash, @Nullable List<Interval> speech,
                           @Nullable CaptionTrack captions, List<String> notes) {

    public Measurements {
        black = black == null ? null : List.copyOf(black);
        freeze = freeze == null ? null : List.copyOf(freeze);
        speech = speech == null ? null : List.copyOf(speech);
        notes = List.copyOf(notes);
    }

    /** Measurements without captions. */
    public Measurements(@Nullable Loudness loudness, @Nullable AudioLevels levels, @Nullable List<Interval> black,
                        @Nullable List<Interval> freeze, @Nullable FlashReport flash, @Nullable List<Interval> speech,
                        List<String> notes) {
        this(loudness, levels, black, freeze, flash, speech, null, notes);
    }

    /** Measurements without a speech map. */
    public Measurements(@Nullable Loudness loudness, @Nullable AudioLevels levels, @Nullable List<Interval> black,
                        @Nullable List<Interval> freeze, @Nullable FlashReport flash, List<String> notes) {
        this(loudness, levels, black, freeze, flash, null, null, notes);
    }

    /** Nothing measured, e.g. for a video analysed before technical checks existed. */
    public static Measurements none(String why) {
        return new Measurements(null, null, null, null, null, null, null, List.of(why));
    }

    /** The same measurements with the video's caption track. */
    public Measurements withCaptions(CaptionTrack track) {
        return new Measurements(loudness, levels, black, freeze, flash, speech, track, notes);
    }

    /** Milliseconds of speech in the speech map, or -1 when there is none. */
    public long speechMs() {
        return speech == null ? -1 : speech.stream().mapToLong(interval -> interval.endMs() - interval.startMs()).sum();
    }
}
