package org.compliancerunner.media.flash;

/** The photosensitivity verdict of a whole video, as broadcasters report it. */
public enum FlashVerdict {
    PASS, PASS_WITH_WARNING, FAIL
}
