package org.compliancerunner.media.flash;

/**
 * Counts one kind of transition (luminance or red) over the last second and how long the flashing has stayed near
 * the limit over the last five, and rates each frame as IRIS does: more than six transitions in a second is a flash
 * failure; four or more for four seconds out of five is an extended failure; four or more is a warning.
 */
final class FlashTally {

    /** Three flashes a second (six transitions) is the most BT.1702 allows. */
    static final int MAX_TRANSITIONS = 6;
    /** Two flashes a second is where IRIS starts warning and counting towards an extended failure. */
    static final int WARNING_TRANSITIONS = 4;
    private static final int EXTENDED_FAIL_SECONDS = 4;
    private static final int EXTENDED_WINDOW_SECONDS = 5;

    private final int fps;
    private final FrameWindow transitions;
    private final FrameWindow nearLimit;
    private int most;

    FlashTally(int fps) {
        this.fps = fps;
        this.transitions = new FrameWindow(fps);
        this.nearLimit = new FrameWindow(EXTENDED_WINDOW_SECONDS * fps);
    }

    /** Records whether this frame made a transition and rates the frame. */
    FrameResult record(boolean transition) {
        int inSecond = transitions.add(transition);
        int nearLimitFrames = nearLimit.add(inSecond >= WARNING_TRANSITIONS && inSecond <= MAX_TRANSITIONS);
        most = Math.max(most, inSecond);
        if (inSecond > MAX_TRANSITIONS) {
            return FrameResult.FLASH_FAIL;
        }
        if (inSecond >= WARNING_TRANSITIONS && nearLimitFrames >= EXTENDED_FAIL_SECONDS * fps) {
            return FrameResult.EXTENDED_FAIL;
        }
        return inSecond >= WARNING_TRANSITIONS ? FrameResult.PASS_WITH_WARNING : FrameResult.PASS;
    }

    /** Transitions in the second up to the last recorded frame. */
    int current() {
        return transitions.count();
    }

    /** Most transitions seen in any one second. */
    int most() {
        return most;
    }
}
