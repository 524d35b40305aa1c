package org.ehiaccess.platform.outbox;

/**
 * Where outbox messages go (a CDI bean per destination, e.g. intake-service's timeline, reporting-service's events).
 * {@link #deliver} returns normally once the receiver has taken the message; it is called again with the same message
 * (same id) after a crash or a lost answer, so the receiver must apply a message id once.
 */
public interface OutboxDestination {

    /** The name written in the outbox row's {@code destination} column. */
    String name();

    /** Sends the message; throws {@link DeliveryFailure} (or any runtime exception) when it was not taken. */
    void deliver(OutboxMessage message);
}
