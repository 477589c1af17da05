package org.compliancerunner.media.flash;

/** Per-frame result codes as IRIS logs them (0 Pass, 1 PassWithWarning, 2 ExtendedFail, 3 FlashFail). */
public enum FrameResult {
    PASS, PASS_WITH_WARNING, EXTENDED_FAIL, FLASH_FAIL;

    public int code() {
        return ordinal();
    }
}
