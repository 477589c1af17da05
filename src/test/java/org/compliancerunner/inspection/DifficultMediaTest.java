package org.compliancerunner.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.demo.SampleMedia.ClipFormat;
import org.compliancerunner.demo.SampleMedia.Coding;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.media.voice.VoiceActivityProperties;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.ChannelRole;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackParser;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.SpeechProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input promise: zero-length, truncated, audio-only, video-only, variable frame rate, 5.1 and 10-bit files are
 * each analysed as far as they can be, with what could not be analysed said plainly, and never an exception.
 */
class DifficultMediaTest {

    private static final VoiceActivityModel VOICE = new VoiceActivityModel(VoiceActivityProperties.defaults());

    // ITU-R BS.1770: the same tone in L R C Ls Rs (surrounds weighted 1.41, LFE left out) against L R.
    private static final double SURROUND_GAIN_DB = 10 * Math.log10((3 + 2 * 1.41) / 2);
    private static final Pattern MEASURED_ONLY = Pattern.compile("measured only the first (\\d+\\.\\d) s: ");

    @TempDir
    Path dir;

    private final MediaDecoder decoder = new MediaDecoder();
    private final VideoInspection inspection = new VideoInspection(new MediaProbe(), decoder,
            new SpeechEngines(SpeechProperties.defaults()), new PolicyEngine(),
            new ProcessingMetrics(new SimpleMeterRegistry()), VOICE);
    private final RulePack pack = new RulePackParser().defaultPack();

    @Test
    void aZeroLengthFileIsReportedEmptyWithNothingMeasured() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        Inspection outcome = inspection.inspect(empty, null, pack);

        assertThat(outcome.failureReason()).isEqualTo("cannot open empty.mp4: the file is empty");
        assertThat(outcome.measurements()).isNull();
        assertThat(outcome.triggers()).isEmpty();
    }

    @Test
    void aTruncatedFileWithItsIndexFirstIsMeasuredUpToTheCut() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        SampleMedia.writeClip(whole, 10, 160, 90, ClipFormat.standard().withIndexFirst());
        Path cut = dir.resolve("cut.mp4");
        SampleMedia.writeTruncated(whole, cut, 0.5);

        Inspection outcome = inspection.inspect(cut, null, pack);

        assertThat(outcome.failureReason()).contains("cut.mp4", "of 10.0 s", "the file is truncated or corrupt");
        assertThat(outcome.info().durationMs()).isBetween(9_900L, 10_100L);
        Measurements measured = outcome.measurements();
        assertThat(measured).isNotNull();
        // a steady tone written at the EBU R128 target: the half that was there measures as the whole would
        assertThat(measured.loudness().integrated()).isCloseTo(-23.2, within(0.5));
        assertThat(measured.black()).isEmpty();
        assertThat(measured.flash()).isNotNull();
        assertThat(measured.notes()).hasSize(1);
        Matcher reached = MEASURED_ONLY.matcher(measured.notes().get(0));
        assertThat(reached.lookingAt()).as(measured.notes().get(0)).isTrue();
        assertThat(Double.parseDouble(reached.group(1))).isBetween(3.5, 6.0);
        assertThat(measured.notes().get(0)).endsWith(outcome.failureReason());
        // a verdict on half a file would be a verdict nobody asked for
        assertThat(outcome.triggers()).isEmpty();
    }

    @Test
    void aTruncatedFileWithItsIndexLastCannotBeOpened() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        SampleMedia.writeClip(whole, 10, 160, 90, ClipFormat.standard());
        Path cut = dir.resolve("cut.mp4");
        SampleMedia.writeTruncated(whole, cut, 0.5);

        Inspection outcome = inspection.inspect(cut, 10_000L, pack);

        assertThat(outcome.failureReason())
                .isEqualTo("cannot open cut.mp4: moov atom not found — the file is truncated or not a complete MP4");
        assertThat(outcome.info()).isNull();
        assertThat(outcome.measurements()).isNull();
        assertThat(outcome.triggers()).isEmpty();
    }

    @Test
    void anAudioOnlyFileHasItsSoundMeasuredAndSaysThePictureWasNot() throws Exception {
        Path sound = dir.resolve("sound.m4a");
        SampleMedia.writeClip(sound, 5, 160, 90, ClipFormat.standard().soundOnly());

        Inspection outcome = inspection.inspect(sound, null, pack);

        assertThat(outcome.failureReason()).isNull();
        assertThat(outcome.info().hasVideo()).isFalse();
        Measurements measured = outcome.measurements();
        assertThat(measured.loudness().integrated()).isCloseTo(-23.2, within(0.5));
        assertThat(measured.levels()).isNotNull();
        assertThat(measured.black()).isNull();
        assertThat(measured.freeze()).isNull();
        assertThat(measured.flash()).isNull();
        assertThat(measured.notes()).containsExactly("no video stream: black, frozen picture and flashes were not measured");
    }

    @Test
    void aVideoOnlyFileHasItsPictureMeasuredAndSaysTheSoundWasNot() throws Exception {
        Path picture = dir.resolve("picture.mp4");
        SampleMedia.writeClip(picture, 5, 160, 90, ClipFormat.standard().pictureOnly().withBlack(new Interval(1000, 3000)));

        Inspection outcome = inspection.inspect(picture, null, pack);

        assertThat(outcome.failureReason()).isNull();
        assertThat(outcome.info().hasAudio()).isFalse();
        Measurements measured = outcome.measurements();
        assertThat(measured.loudness()).isNull();
        assertThat(measured.levels()).isNull();
        assertThat(measured.black()).containsExactly(new Interval(1000, 3000));
        assertThat(measured.freeze()).containsExactly(new Interval(1000, 3000));
        assertThat(measured.flash()).isNotNull();
        assertThat(measured.notes()).containsExactly("no audio stream: loudness, true peak, silence and speech were not measured");
        assertThat(outcome.triggers()).extracting(trigger -> trigger.ruleId()).contains("picture.black");
    }

    @Test
    void fivePointOneIsWeightedByChannelAsBs1770Says() throws Exception {
        Path stereo = dir.resolve("stereo.mov");
        Path surround = dir.resolve("surround.mov");
        ClipFormat lossless = ClipFormat.standard().coded(Coding.FFV1_PCM);
        SampleMedia.writeClip(stereo, 5, 160, 90, lossless);
        SampleMedia.writeClip(surround, 5, 160, 90, lossless.withChannels(6));

        Inspection two = inspection.inspect(stereo, null, pack);
        Inspection six = inspection.inspect(surround, null, pack);

        assertThat(six.failureReason()).isNull();
        assertThat(six.info().audio()).endsWith("6 ch");
        // all five main channels counted, the surrounds 1.5 dB up, the LFE not at all: 4.64 dB, where equal weights give 4.77
        assertThat(six.measurements().loudness().integrated() - two.measurements().loudness().integrated())
                .isCloseTo(SURROUND_GAIN_DB, within(0.05));
    }

    @Test
    void fivePointOneAacNamesItsLfeAndSurroundChannels() throws Exception {
        Path surround = dir.resolve("surround.mp4");
        SampleMedia.writeClip(surround, 2, 160, 90, ClipFormat.standard().withChannels(6));
        ChannelRoles roles = new ChannelRoles();

        decoder.decode(surround, List.of(roles));

        assertThat(roles.format.channels()).isEqualTo(6);
        assertThat(roles.format.roles()).containsExactly(ChannelRole.FRONT, ChannelRole.FRONT, ChannelRole.FRONT,
                ChannelRole.LFE, ChannelRole.SURROUND, ChannelRole.SURROUND);
        Inspection outcome = inspection.inspect(surround, null, pack);
        assertThat(outcome.failureReason()).isNull();
        assertThat(outcome.measurements().loudness().integrated()).isFinite();
    }

    @Test
    void tenBitPicturesAreAnalysed() throws Exception {
        Path deep = dir.resolve("ten-bit.mov");
        SampleMedia.writeClip(deep, 5, 160, 90,
                ClipFormat.standard().coded(Coding.FFV1_10BIT_PCM).withBlack(new Interval(1000, 3000)));
        assertThat(pixelFormat(deep)).isEqualTo(AV_PIX_FMT_YUV420P10LE);

        Inspection outcome = inspection.inspect(deep, null, pack);

        assertThat(outcome.failureReason()).isNull();
        Measurements measured = outcome.measurements();
        assertThat(measured.black()).containsExactly(new Interval(1000, 3000));
        assertThat(measured.freeze()).containsExactly(new Interval(1000, 3000));
        assertThat(measured.flash()).isNotNull();
        assertThat(measured.loudness().integrated()).isCloseTo(-23.2, within(0.5));
    }

    @Test
    void pictureTimesOfAVariableFrameRateFileAreItsOwn() throws Exception {
        Path phone = dir.resolve("phone.mp4");
        // 20 fps on average, frames 20, 70, 30 and 80 ms apart; black from the frame at 3 s to the frame at 5 s
        SampleMedia.writeClip(phone, 8, 160, 90,
                ClipFormat.standard().withIrregularFrames().withBlack(new Interval(3000, 5000)));

        Inspection outcome = inspection.inspect(phone, null, pack);

        assertThat(outcome.failureReason()).isNull();
        assertThat(outcome.info().durationMs()).isBetween(7_900L, 8_100L);
        // timed by frame count at the stated average rate instead, black would start at 60 / 20.18 fps = 2.97 s
        assertThat(outcome.measurements().black()).containsExactly(new Interval(3000, 5000));
        assertThat(outcome.measurements().freeze()).containsExactly(new Interval(3000, 5000));
        assertThat(outcome.triggers()).filteredOn(trigger -> trigger.ruleId().equals("picture.black"))
                .extracting(trigger -> new Interval(trigger.startMs(), trigger.endMs()))
                .containsExactly(new Interval(3000, 5000));
    }

    private static int pixelFormat(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            AVFormatContext container = grabber.getFormatContext();
            for (int i = 0; i < container.nb_streams(); i++) {
                if (container.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    return container.streams(i).codecpar().format();
                }
            }
            return -1;
        }
    }

    /** Keeps the sound track's format as the decode pass states it. */
    private static final class ChannelRoles implements MediaListener {
        AudioFormat format;

        @Override
        public boolean wantsAudio() {
            return true;
        }

        @Override
        public void onAudio(AudioFormat audio, float[] samples, int frames) {
            format = audio;
        }
    }
}
