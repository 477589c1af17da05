package org.compliancerunner.media;

/** What a channel carries, as far as loudness measurement cares (ITU-R BS.1770 weights channels by role). */
public enum ChannelRole {
    /** Left, right and centre in front, or a mono channel. */
    FRONT,
    /** Left and right surround, side or back. */
    SURROUND,
    /** Low-frequency effects: excluded from loudness. */
    LFE,
    /** Anything else (height, wide, downmix): treated as a front channel. */
    OTHER
}
