package org.compliancerunner.notify;

/** One destination of events: a webhook or the operators' mailbox. */
interface Channel {

    /** Keys this channel's delivery state; must stay stable across restarts and processes. */
    String name();

    boolean wants(EventType type);

    /** One attempt; a receiver's refusal or absence is an {@link Attempt#failed(String)}, never an exception. */
    Attempt deliver(OutboxEvent event);
}
