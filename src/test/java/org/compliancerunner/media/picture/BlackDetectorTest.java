package org.compliancerunner.media.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.compliancerunner.media.Interval;
import org.junit.jupiter.api.Test;

/** ffmpeg blackdetect's rule on pictures drawn by the test: what counts as black, and where stretches start and end. */
class BlackDetectorTest {

    private final BlackDetector detector = new BlackDetector();
    private final PictureCanvas canvas = new PictureCanvas(100, 50);

    @Test
    void aStretchEndsAtTheFirstPictureThatIsNotBlackAndATrailingOneAtTheEndOfTheVideo() {
        for (int i = 0; i < 40; i++) {
            boolean black = i >= 10 && i < 20 || i >= 30;
            canvas.fill(black ? 0 : 128, black ? 0 : 128, black ? 0 : 128);
            detector.onPicture(canvas.picture(i));
        }
        detector.onEnd(40 * PictureCanvas.FRAME_MS);

        assertThat(detector.intervals()).containsExactly(new Interval(400, 800), new Interval(1200, 1600));
    }

    @Test
    void aPictureIsBlackFromNinetyEightPercentOfDarkPixels() {
        assertThat(blackWithBrightPixels(100)).as("2% bright").isTrue();
        assertThat(blackWithBrightPixels(101)).as("just over 2% bright").isFalse();
    }

    @Test
    void theLimitIsTenPercentOfLimitedRangeLumaAsBlackdetectHasIt() {
        // limited-range luma 37 (black to blackdetect) and 38 (not) reach RGB as 24 and 26
        assertThat(blackWhenFilledWith(24, 24, 24)).isTrue();
        assertThat(blackWhenFilledWith(26, 26, 26)).isFalse();
    }

    @Test
    void judgesLumaNotTheBrightestChannel() {
        assertThat(blackWhenFilledWith(0, 0, 200)).as("deep blue, luma 23").isTrue();
        assertThat(blackWhenFilledWith(0, 50, 0)).as("dark green, luma 29").isFalse();
        assertThat(blackWhenFilledWith(80, 0, 0)).as("dark red, luma 24").isTrue();
    }

    @Test
    void hasNoAnswerBeforeTheWholeVideoWasSeen() {
        detector.onPicture(canvas.fill(0, 0, 0).picture(0));

        assertThatThrownBy(detector::intervals).isInstanceOf(IllegalStateException.class);
    }

    private boolean blackWithBrightPixels(int bright) {
        canvas.fill(0, 0, 0);
        for (int i = 0; i < bright; i++) {
            canvas.set(i % canvas.width(), i / canvas.width(), 255, 255, 255);
        }
        return blackAsOnePicture();
    }

    private boolean blackWhenFilledWith(int red, int green, int blue) {
        canvas.fill(red, green, blue);
        return blackAsOnePicture();
    }

    private boolean blackAsOnePicture() {
        BlackDetector one = new BlackDetector();
        one.onPicture(canvas.picture(0));
        one.onEnd(PictureCanvas.FRAME_MS);
        return one.intervals().equals(List.of(new Interval(0, PictureCanvas.FRAME_MS)));
    }
}
