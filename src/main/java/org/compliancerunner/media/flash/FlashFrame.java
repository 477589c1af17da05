package org.compliancerunner.media.flash;

/**
 * How one frame rated, the numbers IRIS logs per frame, for callers that keep a per-frame log.
 *
 * @param luminance             rating by general (luminance) flashes
 * @param red                   rating by saturated-red flashes
 * @param luminanceTransitions  luminance transitions in the second ending with this frame
 * @param redTransitions        saturated-red transitions in the second ending with this frame
 * @param averageLuminance      mean relative luminance of the frame, 0..1
 * @param averageRed            mean saturated-red value of the frame, 0..320
 */
public record FlashFrame(long index, long timestampMs, FrameResult luminance, FrameResult red,
                         int luminanceTransitions, int redTransitions, float averageLuminance, float averageRed) {

    /** The worse of the two ratings: a frame fails when either kind of flash fails it. */
    public FrameResult result() {
        return luminance.compareTo(red) >= 0 ? luminance : red;
    }
}
