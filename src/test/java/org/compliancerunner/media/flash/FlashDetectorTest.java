package org.compliancerunner.media.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliancerunner.media.flash.SyntheticVideo.alternating;
import static org.compliancerunner.media.flash.SyntheticVideo.grey;
import static org.compliancerunner.media.flash.SyntheticVideo.steady;

import java.util.ArrayList;
import java.util.List;
import org.compliancerunner.media.Interval;
import org.junit.jupiter.api.Test;

/** The flash rules on pictures whose flashes are known by construction. */
class FlashDetectorTest {

    private static final int FPS = 25;
    private static final int[] BLACK = grey(0);
    private static final int[] WHITE = grey(255);
    private static final int[] RED = {255, 0, 0};

    private final FlashDetector detector = new FlashDetector();

    @Test
    void twoFlashesASecondOnlyWarn() {
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 1, alternating(FPS, 2, BLACK, WHITE)).end();

        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS_WITH_WARNING);
        assertThat(report.maxLuminanceTransitions()).isBetween(4, 5);
        assertThat(report.frames().get(FrameResult.PASS_WITH_WARNING)).isPositive();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void fiveFlashesASecondFail() {
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 1, alternating(FPS, 5, BLACK, WHITE)).end();

        assertThat(report.verdict()).isEqualTo(FlashVerdict.FAIL);
        assertThat(report.maxLuminanceTransitions()).isGreaterThanOrEqualTo(9);
        assertThat(report.frames().get(FrameResult.FLASH_FAIL)).isPositive();
        assertThat(report.maxRedTransitions()).isZero();
    }

    @Test
    void aStaticGreyPicturePasses() {
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 1, steady(grey(128))).end();

        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS);
        assertThat(report.frames().get(FrameResult.PASS)).isEqualTo(75);
        assertThat(report.maxLuminanceTransitions()).isZero();
    }

    @Test
    void aFlashOverATenthOfTheScreenIsNoTransition() {
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 0.10, alternating(FPS, 5, BLACK, WHITE)).end();

        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS);
        assertThat(report.maxLuminanceTransitions()).isZero();
    }

    @Test
    void aStrongFlashOverLessThanAQuarterOfTheScreenIsNoTransition() {
        // over a fifth of the screen, black to white moves the frame's mean by 0.2, twice the threshold
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 0.20, alternating(FPS, 5, BLACK, WHITE)).end();

        assertThat(report.maxLuminanceTransitions()).isZero();
    }

    @Test
    void theSameFlashOverAThirdOfTheScreenFails() {
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 0.33, alternating(FPS, 5, BLACK, WHITE)).end();

        assertThat(report.verdict()).isEqualTo(FlashVerdict.FAIL);
        assertThat(report.maxLuminanceTransitions()).isGreaterThan(FlashTally.MAX_TRANSITIONS);
    }

    @Test
    void changesBetweenTwoBrightLevelsAreNoFlash() {
        // 240 and 255 are 0.87 and 1.0 relative luminance: enough change, but the darker is not below 0.8
        FlashReport report = new SyntheticVideo(detector, FPS).play(3, 1, alternating(FPS, 5, grey(240), WHITE)).end();

        assertThat(report.maxLuminanceTransitions()).isZero();
        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS);
    }

    @Test
    void aGradualRampIsOneTransition() {
        // twenty steps of 0.05 relative luminance: none is a transition alone, together they are one
        int steps = 20;
        FlashReport report = new SyntheticVideo(detector, FPS)
                .play(0.4, 1, steady(BLACK))
                .play(steps / (double) FPS, 1, frame -> grey(srgbCode((frame - 9) / (double) steps)))
                .play(1, 1, steady(WHITE))
                .end();

        assertThat(report.maxLuminanceTransitions()).isEqualTo(1);
        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS);
    }

    @Test
    void saturatedRedFlashesAreCountedApartAndFail() {
        List<FlashFrame> frames = new ArrayList<>();
        FlashDetector red = new FlashDetector(frames::add);

        FlashReport report = new SyntheticVideo(red, FPS).play(2, 1, alternating(FPS, 5, BLACK, RED)).end();

        assertThat(report.maxRedTransitions()).isGreaterThan(FlashTally.MAX_TRANSITIONS);
        assertThat(report.verdict()).isEqualTo(FlashVerdict.FAIL);
        assertThat(frames).anyMatch(frame -> frame.red() == FrameResult.FLASH_FAIL);
        assertThat(frames).hasSize(50);
    }

    @Test
    void failuresCoverTheFlashingStretchOnly() {
        FlashReport report = new SyntheticVideo(detector, FPS)
                .play(1, 1, steady(BLACK))
                .play(2, 1, alternating(FPS, 5, BLACK, WHITE))
                .play(2, 1, steady(BLACK))
                .end();

        assertThat(report.failures()).hasSize(1);
        Interval failure = report.failures().get(0);
        // failing starts with the seventh transition, 0.7 s into the flashing at ten transitions a second
        assertThat(failure.startMs()).isBetween(1_600L, 1_800L);
        // the last second's count still holds more than six transitions for up to a second after the flashing
        assertThat(failure.endMs()).isBetween(3_000L, 4_000L);
    }

    @Test
    void flashingNearTheLimitForFourSecondsIsAnExtendedFailure() {
        // 2.5 flashes a second is five transitions in every second: over the warning level, never over six
        FlashReport report = new SyntheticVideo(detector, FPS).play(6, 1, alternating(FPS, 2.5, BLACK, WHITE)).end();

        assertThat(report.maxLuminanceTransitions()).isBetween(4, 6);
        assertThat(report.frames().get(FrameResult.EXTENDED_FAIL)).isPositive();
        assertThat(report.frames().get(FrameResult.FLASH_FAIL)).isZero();
        assertThat(report.verdict()).isEqualTo(FlashVerdict.FAIL);
    }

    @Test
    void takesTheFrameRateFromTimestampsWhenTheStreamDoesNotSay() {
        // four transitions a second at 10 fps; a one-second window guessed at 25 frames would see ten
        FlashReport report = new SyntheticVideo(detector, 10, "rawvideo").play(3, 1, alternating(10, 2, BLACK, WHITE)).end();

        assertThat(report.maxLuminanceTransitions()).isEqualTo(4);
        assertThat(report.verdict()).isEqualTo(FlashVerdict.PASS_WITH_WARNING);
    }

    @Test
    void hasNoReportBeforeTheVideoEnded() {
        new SyntheticVideo(detector, FPS).play(1, 1, steady(BLACK));

        assertThatThrownBy(detector::report).isInstanceOf(IllegalStateException.class);
    }

    /** The 8-bit sRGB code whose linear light is nearest {@code linear}. */
    private static int srgbCode(double linear) {
        double encoded = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.min(1, Math.max(0, encoded)) * 255);
    }
}
