package org.compliancerunner.media.technical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.ChannelRole;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.Picture;

/** What the technical analyzers report when a stream the file declares gives nothing to measure. */
class TechnicalAnalysisTest {

    private static final MediaInfo WITH_SOUND = new MediaInfo("mov,mp4", 2000, "h264 64x36", "aac 48000 Hz 2 ch", 0);

    @Test
    void aSoundTrackThatDecodedToNothingIsNotMeasuredAsSilence() {
        TechnicalAnalysis analysis = TechnicalAnalysis.of(WITH_SOUND);
        analysis.listeners().forEach(listener -> listener.onStart(WITH_SOUND));
        for (int i = 0; i < 50; i++) {
            Picture grey = new Picture(i, i * 40L, 64, 36, 64 * Picture.PIXEL_BYTES,
                    ByteBuffer.wrap(new byte[64 * 36 * Picture.PIXEL_BYTES]));
            analysis.listeners().stream().filter(MediaListener::wantsVideo).forEach(listener -> listener.onPicture(grey));
        }
        analysis.listeners().forEach(listener -> listener.onEnd(2000));

        Measurements measured = analysis.measurements();

        assertThat(measured.loudness()).as("no loudness from no samples").isNull();
        assertThat(measured.levels()).isNull();
        assertThat(measured.notes()).anyMatch(note -> note.startsWith("audio could not be decoded"));
        assertThat(measured.black()).as("the picture is still measured").isNotNull();
    }

    @Test
    void decodedSoundIsMeasured() {
        TechnicalAnalysis analysis = TechnicalAnalysis.of(WITH_SOUND);
        analysis.listeners().forEach(listener -> listener.onStart(WITH_SOUND));
        AudioFormat format = new AudioFormat(48000, 2, List.of(ChannelRole.FRONT, ChannelRole.FRONT));
        float[] tone = new float[48000 * 2];
        for (int i = 0; i < 48000; i++) {
            tone[2 * i] = tone[2 * i + 1] = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
        }
        analysis.listeners().stream().filter(MediaListener::wantsAudio)
                .forEach(listener -> listener.onAudio(format, tone, 48000));
        analysis.listeners().forEach(listener -> listener.onEnd(1000));

        Measurements measured = analysis.measurements();

        assertThat(measured.loudness()).isNotNull();
        assertThat(measured.loudness().integrated()).isFinite();
        assertThat(measured.notes()).noneMatch(note -> note.startsWith("audio could not be decoded"));
    }
}
