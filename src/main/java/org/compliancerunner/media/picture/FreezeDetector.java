package org.compliancerunner.media.picture;

import java.util.ArrayList;
import java.util.List;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.Picture;

/**
 * Finds frozen picture the way ffmpeg's {@code freezedetect} does: a freeze is a run of pictures whose mean absolute
 * luma difference from the run's first picture stays at or below {@code noise} (a share of 2^8, as freezedetect
 * divides by 2^bitdepth). It starts at the run's first picture and ends at the first picture that differs, or at
 * the end of the decoded video. Comparing with the run's first picture, not the previous one, is what catches a
 * slow drift. Only the reference picture's luma is kept. One instance per video; results after {@link #onEnd}.
 */
public class FreezeDetector implements MediaListener {

    /** ffmpeg freezedetect's default noise tolerance, −60 dB. */
    public static final double DEFAULT_NOISE = 0.001;
    /** Shorter runs are ordinary holds; compliance rules ask for seconds. */
    public static final long DEFAULT_MIN_DURATION_MS = 500;

    private static final double NOISE_SCALE = 256.0 * 256;

    private final double noise;
    private final long minDurationMs;
    private final List<Interval> intervals = new ArrayList<>();
    private int[] reference = new int[0];
    private int referenceWidth;
    private int referenceHeight;
    private long referenceMs = -1;
    private boolean ended;

    public FreezeDetector() {
        this(DEFAULT_NOISE, DEFAULT_MIN_DURATION_MS);
    }

    /**
     * @param noise         largest mean absolute luma difference, as a share of the 8-bit range, that still counts
     *                      as the same picture; in [0, 1)
     * @param minDurationMs shortest freeze reported
     */
    public FreezeDetector(double noise, long minDurationMs) {
        if (!(noise >= 0 && noise < 1) || minDurationMs < 0) {
            throw new IllegalArgumentException("freeze noise must be in [0, 1) and minimum duration not negative: noise "
                    + noise + ", minimum " + minDurationMs + " ms");
        }
        this.noise = noise;
        this.minDurationMs = minDurationMs;
    }

    @Override
    public boolean wantsVideo() {
        return true;
    }

    @Override
    public void onPicture(Picture picture) {
        if (isSameAsReference(picture)) {
            return;
        }
        if (referenceMs >= 0) {
            close(picture.timestampMs());
        }
        referenceMs = picture.timestampMs();
    }

    @Override
    public void onEnd(long decodedMs) {
        if (referenceMs >= 0) {
            close(decodedMs);
            referenceMs = -1;
        }
        ended = true;
    }

    /** Frozen stretches in time order, each at least the minimum duration long. */
    public List<Interval> intervals() {
        if (!ended) {
            throw new IllegalStateException("freeze intervals are known only after the whole video was decoded");
        }
        return List.copyOf(intervals);
    }

    /** Compares the luma with the reference's, row by row until the difference is past the tolerance. */
    private boolean isSameAsReference(Picture picture) {
        int width = picture.width();
        int height = picture.height();
        int[] luma = picture.luma();
        if (width != referenceWidth || height != referenceHeight) {
            reference = new int[width * height];
            referenceWidth = width;
            referenceHeight = height;
            System.arraycopy(luma, 0, reference, 0, reference.length);
            return false;
        }
        long tolerance = (long) Math.floor(noise * NOISE_SCALE * width * height);
        int[] reference = this.reference; // a local: C1-compiled code would load the field for every pixel
        long difference = 0;
        for (int y = 0, i = 0; y < height && difference <= tolerance; y++) {
            // a row's sum fits an int (up to 32 000 pixels of 65 280), which keeps the loop vectorisable
            int row = 0;
            for (int end = i + width; i < end; i++) {
                row += Math.abs(luma[i] - reference[i]);
            }
            difference += row;
        }
        if (difference <= tolerance) {
            return true;
        }
        System.arraycopy(luma, 0, reference, 0, reference.length);
        return false;
    }

    private void close(long endMs) {
        if (endMs - referenceMs >= minDurationMs) {
            intervals.add(new Interval(referenceMs, endMs));
        }
    }
}
