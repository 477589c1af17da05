package org.compliancerunner.media;

import java.util.List;

import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;

/**
 * How a video is made, measured in its one decode pass. A part is null when the file has no stream for it (no sound:
 * no loudness or levels; no picture: no black, freeze or flash); {@code notes} says so in words.
 */
public record Measurements(Loudness loudness, AudioLevels levels, List<Interval> black, List<Interval> freeze,
                           FlashReport flash, List<String> notes) {

    public Measurements {
        black = black == null ? null : List.copyOf(black);
        freeze = freeze == null ? null : List.copyOf(freeze);
        notes = List.copyOf(notes);
    }

    /** Nothing measured, e.g. for a video analysed before technical checks existed. */
    public static Measurements none(String why) {
        return new Measurements(null, null, null, null, null, List.of(why));
    }
}
