package org.compliancerunner.media;

/**
 * What a probe learns about a file without decoding it.
 *
 * @param format     container name as FFmpeg reports it (e.g. "mov,mp4,m4a,3gp,3g2,mj2")
 * @param durationMs duration from the container, or -1 when unknown
 * @param video      e.g. "h264 1920x1080 25.00 fps", or null when there is no video stream
 * @param audio      e.g. "aac 48000 Hz 2 ch", or null when there is no audio stream
 * @param subtitles  number of subtitle streams
 */
public record MediaInfo(String format, long durationMs, String video, String audio, int subtitles) {

    public boolean hasAudio() {
        return audio != null;
    }

    public boolean hasVideo() {
        return video != null;
    }
}
