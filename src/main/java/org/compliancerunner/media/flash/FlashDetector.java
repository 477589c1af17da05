package org.compliancerunner.media.flash;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.Picture;
import org.jspecify.annotations.Nullable;

/**
 * Photosensitive flash analysis of one video (ITU-R BT.1702, Ofcom guidance), frame by frame as EA's IRIS does it
 * in its relative-luminance mode: a general flash is an opposing change of relative luminance of at least 0.1 while
 * the darker frame is below 0.8, over at least a quarter of the screen; saturated-red flashes are counted the same
 * way on their own scale. Memory stays bounded: two small pictures and a five-second window of flags.
 */
public class FlashDetector implements MediaListener {

    private static final float LUMINANCE_THRESHOLD = 0.1f;
    private static final float DARK_LUMINANCE = 0.8f;
    private static final float RED_THRESHOLD = 20f;
    /** Above the largest saturated-red value (320): red flashes have no brightness limit. */
    private static final float NO_DARK_LIMIT = 321f;
    private static final float FLASH_AREA_SHARE = 0.25f;
    private static final Pattern FRAME_RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) fps");

    private final Consumer<FlashFrame> frameLog;
    private final PictureLight light = new PictureLight();
    private final Map<FrameResult, Integer> counts = new EnumMap<>(FrameResult.class);
    private final FailureStretches failures = new FailureStretches();
    private int fps;
    private long firstTimestampMs;
    private long pictures;
    // null until the second picture sizes the windows
    private @Nullable TransitionTrend luminanceTrend;
    private @Nullable TransitionTrend redTrend;
    private @Nullable FlashTally luminanceTally;
    private @Nullable FlashTally redTally;
    private @Nullable FlashReport report;

    public FlashDetector() {
        this(frame -> { });
    }

    /** @param frameLog receives every frame's rating as it is made, e.g. to compare with a reference log */
    public FlashDetector(Consumer<FlashFrame> frameLog) {
        this.frameLog = frameLog;
        for (FrameResult result : FrameResult.values()) {
            counts.put(result, 0);
        }
    }

    @Override
    public boolean wantsVideo() {
        return true;
    }

    @Override
    public void onStart(MediaInfo info) {
        if (info.video() != null) {
            Matcher rate = FRAME_RATE.matcher(info.video());
            if (rate.find()) {
                fps = (int) Math.max(1, Math.round(Double.parseDouble(rate.group(1))));
            }
        }
    }

    @Override
    public void onPicture(Picture picture) {
        light.take(picture);
        long index = pictures++;
        if (index == 0) {
            // the first frame has nothing to flash against
            firstTimestampMs = picture.timestampMs();
            log(picture, FrameResult.PASS, FrameResult.PASS);
            return;
        }
        if (luminanceTally == null) {
            start(picture.timestampMs() - firstTimestampMs);
        }
        // a change over less than a quarter of the screen is no flash, however strong
        int flashArea = (int) (light.pixels() * FLASH_AREA_SHARE);
        float luminanceChange = light.luminanceChanged() >= flashArea
                ? light.luminanceMean() - light.previousLuminanceMean() : 0f;
        float redChange = light.redChanged() >= flashArea ? light.redMean() - light.previousRedMean() : 0f;
        boolean luminanceTransition = luminanceTrend.next(luminanceChange,
                Math.min(light.luminanceMean(), light.previousLuminanceMean()));
        boolean redTransition = redTrend.next(redChange, Math.min(light.redMean(), light.previousRedMean()));
        FrameResult luminance = luminanceTally.record(luminanceTransition);
        FrameResult red = redTally.record(redTransition);
        FlashFrame frame = log(picture, luminance, red);
        if (frame.result().compareTo(FrameResult.EXTENDED_FAIL) >= 0) {
            failures.add(index, picture.timestampMs(), picture.timestampMs() + Math.round(1000.0 / fps));
        }
    }

    /** Sizes the one-second windows; from the container's frame rate, else from the first two timestamps. */
    private void start(long firstFrameMs) {
        if (fps == 0) {
            fps = firstFrameMs > 0 ? (int) Math.max(1, Math.round(1000.0 / firstFrameMs)) : 25;
        }
        luminanceTrend = new TransitionTrend(LUMINANCE_THRESHOLD, DARK_LUMINANCE, fps);
        redTrend = new TransitionTrend(RED_THRESHOLD, NO_DARK_LIMIT, fps);
        luminanceTally = new FlashTally(fps);
        redTally = new FlashTally(fps);
    }

    private FlashFrame log(Picture picture, FrameResult luminance, FrameResult red) {
        FlashFrame frame = new FlashFrame(picture.index(), picture.timestampMs(), luminance, red,
                luminanceTally == null ? 0 : luminanceTally.current(), redTally == null ? 0 : redTally.current(),
                light.luminanceMean(), light.redMean());
        counts.merge(frame.result(), 1, Integer::sum);
        frameLog.accept(frame);
        return frame;
    }

    @Override
    public void onEnd(long decodedMs) {
        report = new FlashReport(verdict(), counts, failures.all(),
                luminanceTally == null ? 0 : luminanceTally.most(), redTally == null ? 0 : redTally.most());
    }

    private FlashVerdict verdict() {
        if (counts.get(FrameResult.FLASH_FAIL) > 0 || counts.get(FrameResult.EXTENDED_FAIL) > 0) {
            return FlashVerdict.FAIL;
        }
        return counts.get(FrameResult.PASS_WITH_WARNING) > 0 ? FlashVerdict.PASS_WITH_WARNING : FlashVerdict.PASS;
    }

    /** What the analysis found; available once the decode pass has ended. */
    public FlashReport report() {
        if (report == null) {
            throw new IllegalStateException("the flash analysis has not seen the end of the video yet");
        }
        return report;
    }
}
