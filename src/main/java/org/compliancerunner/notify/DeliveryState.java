package org.compliancerunner.notify;

/** Where one (event, channel) delivery stands. */
public enum DeliveryState {
    /** Not yet accepted; due again at its next attempt time. */
    PENDING,
    /** Accepted by the receiver; never sent again. */
    DELIVERED,
    /** Refused on every allowed attempt; the last error says why. */
    FAILED
}
