package org.compliancerunner.notify;

import org.jspecify.annotations.Nullable;

/** How one delivery attempt ended; {@code error} says what an operator needs to fix when it did not arrive. */
record Attempt(boolean delivered, @Nullable String error) {

    static Attempt success() {
        return new Attempt(true, null);
    }

    static Attempt failed(String error) {
        return new Attempt(false, error);
    }
}
