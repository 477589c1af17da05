package org.compliancerunner.notify;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What happened; the wire name is what receivers and the {@code events} filter of a webhook see. */
public enum EventType {

    JOB_COMPLETED("job.completed"),
    JOB_FAILED("job.failed"),
    VIDEO_FLAGGED("video.flagged"),
    REVIEW_COMPLETED("review.completed"),
    // a later pack version opened new items on a video whose verdict was already announced
    REVIEW_REOPENED("review.reopened");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type with this wire name; the message lists the known names so a wrong filter is easy to fix. */
    public static EventType of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + wireName + "'; known: "
                        + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
