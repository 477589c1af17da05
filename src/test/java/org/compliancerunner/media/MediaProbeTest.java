package org.compliancerunner.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {

    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path dir;

    @Test
    void sniffRecognisesAnMp4() {
        assertThat(probe.sniff(Fixtures.require("video/autocut_test001.mp4"))).contains("mp4");
    }

    @Test
    void sniffStillRecognisesAnMp4WhoseEndIsMissing() throws Exception {
        Path truncated = BrokenFiles.truncatedAutocut(dir);

        assertThat(probe.sniff(truncated)).contains("mp4");
    }

    @Test
    void sniffRecognisesAudio() {
        assertThat(probe.sniff(Fixtures.require("speech/jfk.wav"))).isEqualTo("wav");
    }

    @Test
    void sniffRejectsTextEvenWithAVideoName() throws Exception {
        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "Meeting notes\nThe spot airs on Monday; captions to follow.\n".repeat(20));

        assertThat(probe.sniff(text)).isNull();
    }

    @Test
    void sniffRejectsCaptionsAndStillImages() throws Exception {
        Path srt = dir.resolve("captions.srt");
        SampleMedia.writeCaptions(srt, java.util.List.of(new SampleMedia.Cue(0, 1000, "Hello")));
        Path jpeg = dir.resolve("photo.mp4");
        Files.write(jpeg, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xDB, 0, 67, 0});

        assertThat(probe.sniff(srt)).isNull();
        assertThat(probe.sniff(jpeg)).isNull();
    }

    @Test
    void sniffRejectsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertThat(probe.sniff(empty)).isNull();
    }

    @Test
    void probeReadsTheStreamsOfAVideo() throws Exception {
        MediaInfo info = probe.probe(Fixtures.require("video/autocut_test001.mp4"));

        assertThat(info.format()).contains("mp4");
        assertThat(info.durationMs()).isBetween(10_210L, 10_310L);
        assertThat(info.video()).startsWith("h264 1920x1080");
        assertThat(info.audio()).isEqualTo("aac 48000 Hz 2 ch");
        assertThat(info.subtitles()).isZero();
    }

    @Test
    void probeOfAudioOnlyHasNoVideo() throws Exception {
        MediaInfo info = probe.probe(Fixtures.require("speech/jfk.wav"));

        assertThat(info.video()).isNull();
        assertThat(info.audio()).startsWith("pcm_s16le 16000 Hz 1 ch");
        assertThat(info.durationMs()).isBetween(10_900L, 11_100L);
    }

    @Test
    void probeOfVideoWithoutAudio() throws Exception {
        MediaInfo info = probe.probe(Fixtures.require("video/2Hz_5s.mp4"));

        assertThat(info.video()).contains("640x360").endsWith("5 fps");
        assertThat(info.audio()).isNull();
    }

    @Test
    void probeOfATruncatedMp4SaysTheIndexIsMissing() throws Exception {
        Path truncated = BrokenFiles.truncatedAutocut(dir);

        assertThatThrownBy(() -> probe.probe(truncated))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("cut-off.mp4")
                .hasMessageContaining("moov atom not found")
                .hasMessageContaining("truncated");
    }

    @Test
    void probeOfRandomBytesFailsCleanly() throws Exception {
        Path noise = BrokenFiles.noise(dir);

        assertThatThrownBy(() -> probe.probe(noise))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("noise.mp4")
                .hasMessageContaining("does not recognise it as audio or video");
    }

    @Test
    void probeRefusesTextThatFfmpegWouldOpenByItsName() throws Exception {
        Path text = dir.resolve("readme.txt");
        Files.writeString(text, "Hello operator, the spot airs on Monday.\n".repeat(40));

        assertThatThrownBy(() -> probe.probe(text))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("readme.txt: it is a tty file")
                .hasMessageContaining("not audio or video");
    }

    @Test
    void probeRefusesCaptions() throws Exception {
        Path srt = dir.resolve("captions.mp4");
        SampleMedia.writeCaptions(srt, java.util.List.of(new SampleMedia.Cue(0, 1000, "Hello")));

        assertThatThrownBy(() -> probe.probe(srt))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("it is a srt file");
    }

    @Test
    void probeOfAnEmptyFileSaysSo() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertThatThrownBy(() -> probe.probe(empty))
                .isInstanceOf(MediaException.class)
                .hasMessage("cannot open empty.mp4: the file is empty");
    }

    @Test
    void probeOfAMissingFileSaysSo() {
        assertThatThrownBy(() -> probe.probe(dir.resolve("gone.mp4")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("no such file");
    }
}
