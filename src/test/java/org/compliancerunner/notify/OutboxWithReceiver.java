package org.compliancerunner.notify;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh notify bench and one webhook receiver per test, for the outbox tests that deliver to it. */
abstract class OutboxWithReceiver {

    NotifyBench bench;
    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        bench = new NotifyBench();
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** Settings with the receiver as the one webhook, "ops", and batches of 8. */
    NotifyProperties toReceiver() {
        return NotifyBench.properties(8, List.of(NotifyBench.webhook("ops", receiver)));
    }
}
