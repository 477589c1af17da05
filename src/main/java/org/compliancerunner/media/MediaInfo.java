package org.compliancerunner.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a probe learns about a file without decoding it.
 *
 * @param format     container name as FFmpeg reports it (e.g. "mov,mp4,m4a,3gp,3g2,mj2")
 * @param durationMs duration from the container, or -1 when unknown
 * @param video      e.g. "h264 1920x1080 25.00 fps", or null when there is no video stream
 * @param audio      e.g. "aac 48000 Hz 2 ch", or null when there is no audio stream
 * @param subtitles  number of subtitle streams
 */
public record MediaInfo(String format, long durationMs, @Nullable String video, @Nullable String audio,
                        int subtitles) {

    private static final Pattern FRAME_RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) fps");

    /** Frames per second of the video stream, or 0 when there is no picture or the rate is unknown. */
    public double frameRate() {
        Matcher rate = video == null ? null : FRAME_RATE.matcher(video);
        return rate != null && rate.find() ? Double.parseDouble(rate.group(1)) : 0;
    }

    public boolean hasAudio() {
        return audio != null;
    }

    public boolean hasVideo() {
        return video != null;
    }
}
