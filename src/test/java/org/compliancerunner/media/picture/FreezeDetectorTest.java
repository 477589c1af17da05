package org.compliancerunner.media.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.compliancerunner.media.Interval;
import org.junit.jupiter.api.Test;

/** ffmpeg freezedetect's rule on pictures drawn by the test: a SampleMedia clip always moves, so it cannot freeze. */
class FreezeDetectorTest {

    private static final int FPS = 1000 / PictureCanvas.FRAME_MS;

    private final FreezeDetector detector = new FreezeDetector();
    private final PictureCanvas canvas = new PictureCanvas(160, 90);
    private final Random noise = new Random(7);
    private long index;

    @Test
    void findsTwoSecondsOfStillPictureBetweenMovingOnes() {
        moving(2 * FPS);
        still(2 * FPS);
        moving(2 * FPS);

        List<Interval> freezes = end();

        assertThat(freezes).hasSize(1);
        assertThat((double) freezes.get(0).startMs()).isCloseTo(2000, within((double) PictureCanvas.FRAME_MS));
        assertThat((double) freezes.get(0).durationMs()).isCloseTo(2000, within((double) PictureCanvas.FRAME_MS));
    }

    @Test
    void aStillPictureIsOneFreezeOverTheWholeVideo() {
        canvas.fill(90, 120, 60);
        still(5 * FPS);

        assertThat(end()).containsExactly(new Interval(0, 5 * FPS * PictureCanvas.FRAME_MS));
    }

    @Test
    void noiseBelowTheToleranceIsStillFrozen() {
        canvas.fill(100, 100, 100);
        for (int i = 0; i < 3 * FPS; i++) {
            sprinkle(20, 3);
            show();
        }

        assertThat(end()).containsExactly(new Interval(0, 3 * FPS * PictureCanvas.FRAME_MS));
    }

    @Test
    void noiseAboveTheToleranceIsNotFrozen() {
        canvas.fill(100, 100, 100);
        for (int i = 0; i < 3 * FPS; i++) {
            sprinkle(canvas.width() * canvas.height() / 2, 3);
            show();
        }

        assertThat(end()).isEmpty();
    }

    @Test
    void aSlowDriftIsNotAFreezeThoughNoTwoNeighboursDiffer() {
        canvas.fill(100, 100, 100);
        for (int i = 0; i < 5 * FPS; i++) {
            // 10% of the pixels a shade brighter each picture: a third of the tolerance, but it adds up
            for (int p = 0; p < canvas.width() * canvas.height() / 10; p++) {
                int x = noise.nextInt(canvas.width());
                int y = noise.nextInt(canvas.height());
                int grey = Math.min(255, canvas.grey(x, y) + 1);
                canvas.set(x, y, grey, grey, grey);
            }
            show();
        }

        assertThat(end()).isEmpty();
    }

    @Test
    void aStillShorterThanHalfASecondIsNotReported() {
        moving(FPS);
        still(FPS / 2 - 1);
        moving(FPS);

        assertThat(end()).isEmpty();
    }

    @Test
    void aPictureThatChangedInItsFirstOrLastRowsBecomesTheWholeReference() {
        canvas.fill(50, 50, 50);
        show();
        drawRow(0, 255);
        still(FPS);
        drawRow(canvas.height() - 1, 255);
        still(FPS);

        assertThat(end()).containsExactly(new Interval(40, 1040), new Interval(1040, 2040));
    }

    private void moving(int pictures) {
        for (int i = 0; i < pictures; i++) {
            canvas.fill(60, 60, 60);
            int bar = (int) (index * 7 % canvas.width());
            for (int y = 0; y < canvas.height(); y++) {
                for (int x = bar; x < Math.min(canvas.width(), bar + 10); x++) {
                    canvas.set(x, y, 230, 230, 230);
                }
            }
            show();
        }
    }

    private void still(int pictures) {
        for (int i = 0; i < pictures; i++) {
            show();
        }
    }

    // Moves `pixels` random pixels by ±amount from mid grey, as compression noise would.
    private void sprinkle(int pixels, int amount) {
        canvas.fill(100, 100, 100);
        for (int i = 0; i < pixels; i++) {
            int grey = 100 + (noise.nextBoolean() ? amount : -amount);
            canvas.set(noise.nextInt(canvas.width()), noise.nextInt(canvas.height()), grey, grey, grey);
        }
    }

    private void drawRow(int y, int grey) {
        for (int x = 0; x < canvas.width(); x++) {
            canvas.set(x, y, grey, grey, grey);
        }
    }

    private void show() {
        detector.onPicture(canvas.picture(index++));
    }

    private List<Interval> end() {
        detector.onEnd(index * PictureCanvas.FRAME_MS);
        return detector.intervals();
    }
}
