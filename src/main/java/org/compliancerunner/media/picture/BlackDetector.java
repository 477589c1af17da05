package org.compliancerunner.media.picture;

import java.util.ArrayList;
import java.util.List;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.Luma;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.Picture;

/**
 * Finds black picture the way ffmpeg's {@code blackdetect} does: a picture is black when at least
 * {@code pictureThreshold} of its pixels have luma below {@code pixelThreshold} of full scale. A stretch starts at
 * its first black picture and ends at the first picture that is not, or at the end of the decoded video.
 *
 * <p>Luma is the picture's shared plane, taken from its RGB on the full 0–255 scale. For the usual limited-range
 * (16–235) video the scaler has already stretched 16–235 to 0–255, and the default 10% (below 25.5) then splits the
 * same luma steps as blackdetect's "at most 16 + 0.10 × 219": limited 37 becomes 24, limited 38 becomes 26. Full-range
 * video gets blackdetect's full-range rule, 10% of 255. One instance per video; results after {@link #onEnd}.
 */
public class BlackDetector implements MediaListener {

    /** ffmpeg blackdetect's {@code pix_th}. */
    public static final double DEFAULT_PIXEL_THRESHOLD = 0.10;
    /** ffmpeg blackdetect's {@code pic_th}. */
    public static final double DEFAULT_PICTURE_THRESHOLD = 0.98;

    private final int blackBelow;
    private final double pictureThreshold;
    private final List<Interval> intervals = new ArrayList<>();
    private long blackSinceMs = -1;
    private boolean ended;

    public BlackDetector() {
        this(DEFAULT_PIXEL_THRESHOLD, DEFAULT_PICTURE_THRESHOLD);
    }

    /**
     * @param pixelThreshold   share of full-scale luma below which a pixel is black, in (0, 1]
     * @param pictureThreshold share of black pixels from which a picture is black, in (0, 1]
     */
    public BlackDetector(double pixelThreshold, double pictureThreshold) {
        if (!(pixelThreshold > 0 && pixelThreshold <= 1) || !(pictureThreshold > 0 && pictureThreshold <= 1)) {
            throw new IllegalArgumentException("black thresholds must be in (0, 1]: pixel " + pixelThreshold
                    + ", picture " + pictureThreshold);
        }
        this.blackBelow = (int) Math.ceil(pixelThreshold * Luma.FULL_SCALE);
        this.pictureThreshold = pictureThreshold;
    }

    @Override
    public boolean wantsVideo() {
        return true;
    }

    @Override
    public void onPicture(Picture picture) {
        boolean black = isBlack(picture);
        if (black && blackSinceMs < 0) {
            blackSinceMs = picture.timestampMs();
        } else if (!black && blackSinceMs >= 0) {
            close(picture.timestampMs());
        }
    }

    @Override
    public void onEnd(long decodedMs) {
        if (blackSinceMs >= 0) {
            close(decodedMs);
        }
        ended = true;
    }

    /** Black stretches in time order, each at least one picture long. */
    public List<Interval> intervals() {
        if (!ended) {
            throw new IllegalStateException("black intervals are known only after the whole video was decoded");
        }
        return List.copyOf(intervals);
    }

    private boolean isBlack(Picture picture) {
        int[] luma = picture.luma();
        int blackBelow = this.blackBelow; // a local: C1-compiled code would load the field for every pixel
        int blackPixels = 0;
        for (int value : luma) {
            // 1 exactly when the value is below the threshold (both lie in 0..FULL_SCALE): no branch, and it vectorises
            blackPixels += (value - blackBelow) >>> 31;
        }
        return blackPixels >= pictureThreshold * picture.width() * picture.height();
    }

    private void close(long endMs) {
        intervals.add(new Interval(blackSinceMs, Math.max(blackSinceMs, endMs)));
        blackSinceMs = -1;
    }
}
